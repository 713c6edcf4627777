// /etc/nsbook-rootfs: an os-release-style file that marks a directory as a root filesystem nsbook made,
// and says from what.
import { constants } from "node:fs";
import { lstat, mkdir, open, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { resolveInRoot } from "./resolve-in-root.js";

/** Where the marker lives inside a rootfs. */
export const ROOTFS_MARKER_PATH = "/etc/nsbook-rootfs";

/** How a root filesystem was made. */
export type RootfsKind = "busybox" | "alpine" | "imported";

/** What nsbook records about a root filesystem it made. */
export interface RootfsMarker {
  kind: RootfsKind;
  /** ISO 8601 time it was made. */
  created: string;
  /** URL, tarball path, or busybox binary it was made from. */
  source?: string;
  /** sha256 (hex) of the tarball or busybox binary. */
  sha256?: string;
  busyboxVersion?: string;
  alpineVersion?: string;
  /** Alpine architecture name, e.g. "x86_64". */
  arch?: string;
}

const KEYS: ReadonlyArray<[keyof RootfsMarker, string]> = [
  ["kind", "KIND"],
  ["created", "CREATED"],
  ["source", "SOURCE"],
  ["sha256", "SHA256"],
  ["busyboxVersion", "BUSYBOX_VERSION"],
  ["alpineVersion", "ALPINE_VERSION"],
  ["arch", "ARCH"],
];

const KINDS: readonly string[] = ["busybox", "alpine", "imported"];

function quote(value: string): string {
  return `"${value.replace(/[\\"$`]/g, (c) => `\\${c}`).replace(/\n/g, " ")}"`;
}

function unquote(value: string): string {
  const v = value.trim();
  const q = v[0];
  if ((q === '"' || q === "'") && v.endsWith(q) && v.length >= 2) {
    const inner = v.slice(1, -1);
    return q === '"' ? inner.replace(/\\(.)/g, "$1") : inner;
  }
  return v;
}

/** Renders a marker as os-release-style `KEY="value"` lines. */
export function formatRootfsMarker(marker: RootfsMarker): string {
  const lines = [
    "# Written by nsbook: this directory is a root filesystem nsbook made. Do not edit.",
    "NSBOOK_ROOTFS=1",
  ];
  for (const [key, name] of KEYS) {
    const value = marker[key];
    if (value !== undefined) lines.push(`${name}=${quote(value)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Parses a marker; undefined when the text is not one (no NSBOOK_ROOTFS=1 or an unknown KIND). */
export function parseRootfsMarker(text: string): RootfsMarker | undefined {
  const values = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m?.[1] && m[2] !== undefined) values.set(m[1], unquote(m[2]));
  }
  const kind = values.get("KIND");
  if (values.get("NSBOOK_ROOTFS") !== "1" || !kind || !KINDS.includes(kind)) return undefined;
  const marker: Partial<Record<keyof RootfsMarker, string>> = {};
  for (const [key, name] of KEYS) {
    const v = values.get(name);
    if (v !== undefined) marker[key] = v;
  }
  return { ...(marker as RootfsMarker), created: marker.created ?? "" };
}

/** Reads the marker of the rootfs at `dir` (resolving symlinks inside it); undefined when there is none. */
export async function readRootfsMarker(dir: string): Promise<RootfsMarker | undefined> {
  try {
    return parseRootfsMarker(await readFile(await resolveInRoot(dir, ROOTFS_MARKER_PATH), "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Writes the marker into the rootfs being built at `dir`. Returns false (and writes nothing) when the rootfs's
 * /etc is not a real directory (a symlink from a tarball must never be followed on the host); an existing
 * marker, file or symlink, is replaced, and the new one is created with O_NOFOLLOW | O_EXCL.
 */
export async function writeRootfsMarker(dir: string, marker: RootfsMarker): Promise<boolean> {
  const etc = join(dir, "etc");
  try {
    if (!(await lstat(etc)).isDirectory()) return false;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    await mkdir(etc, { mode: 0o755 });
  }
  const file = join(etc, "nsbook-rootfs");
  await unlink(file).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== "ENOENT") throw e;
  });
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  const handle = await open(file, flags, 0o644);
  try {
    await handle.writeFile(formatRootfsMarker(marker));
  } finally {
    await handle.close();
  }
  return true;
}
