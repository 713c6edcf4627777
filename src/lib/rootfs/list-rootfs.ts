// What root filesystems exist under <dataDir>/rootfs, made how and when, and how big.
import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { dataDir } from "../core/paths.js";
import { type RootfsKind, readRootfsMarker } from "./rootfs-marker.js";

/** One root filesystem. */
export interface RootfsInfo {
  name: string;
  /** Absolute directory. */
  path: string;
  /** How it was made; "unknown" when it has no nsbook marker. */
  kind: RootfsKind | "unknown";
  /** Disk usage (allocated blocks, hard links counted once), in bytes. */
  sizeBytes: number;
  /** ISO 8601 time it was made (from its marker, else the folder's mtime). */
  created: string;
  /** e.g. "alpine 3.20.3 x86_64", "BusyBox 1.35.0 (Debian ...)". */
  description: string;
  /** URL, tarball or busybox binary it came from. */
  source?: string;
}

/** Disk usage of a tree in bytes, like `du -s --bytes` of allocated blocks; never follows symlinks. */
export async function diskUsage(dir: string): Promise<number> {
  const seen = new Set<string>();
  let total = 0;
  const walk = async (path: string): Promise<void> => {
    const s = await lstat(path, { bigint: true });
    const key = `${s.dev}:${s.ino}`;
    if (seen.has(key)) return;
    seen.add(key);
    total += Number(s.blocks) * 512;
    if (!s.isDirectory()) return;
    for (const name of await readdir(path)) await walk(join(path, name));
  };
  await walk(dir);
  return total;
}

/** The folder that holds every rootfs. */
export function rootfsParentDir(): string {
  return join(dataDir(), "rootfs");
}

/** Every root filesystem in `<dataDir>/rootfs`, sorted by name (staging and trash folders are not listed). */
export async function listRootfs(): Promise<RootfsInfo[]> {
  const parent = rootfsParentDir();
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return [];
  }
  const out: RootfsInfo[] = [];
  for (const name of names.sort()) {
    if (name.startsWith(".")) continue;
    const path = join(parent, name);
    const s = await lstat(path).catch(() => undefined);
    if (!s?.isDirectory()) continue;
    const marker = await readRootfsMarker(path);
    let description = "not made by nsbook";
    if (marker?.kind === "alpine")
      description = `Alpine ${marker.alpineVersion ?? "?"} ${marker.arch ?? ""}`.trim();
    else if (marker?.kind === "busybox") description = `BusyBox ${marker.busyboxVersion ?? "?"}`;
    else if (marker) description = `imported from ${marker.source ?? "?"}`;
    out.push({
      name,
      path,
      kind: marker?.kind ?? "unknown",
      sizeBytes: await diskUsage(path).catch(() => 0),
      created: marker?.created || s.mtime.toISOString(),
      description,
      source: marker?.source,
    });
  }
  return out;
}
