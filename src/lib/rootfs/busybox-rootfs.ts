// The offline default root filesystem: the host's static busybox, a symlink per applet, and the few files
// and empty folders a container needs. No network, ~300 files, built in well under a second.
import { chmod, copyFile, lstat, mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { rootfsDir } from "../core/paths.js";
import { createDeviceNodes, hasDeviceNodes } from "./device-nodes.js";
import { existingRootfs } from "./existing-rootfs.js";
import { findHostBusybox, type HostBusybox } from "./find-busybox.js";
import type { RootfsBuildResult } from "./rootfs-build-result.js";
import { RootfsError } from "./rootfs-error.js";
import { type RootfsMarker, readRootfsMarker, writeRootfsMarker } from "./rootfs-marker.js";
import { validateRootfsName } from "./rootfs-name.js";
import { installRootfsAtomically } from "./staging.js";

/** Options for {@link buildBusyboxRootfs}. */
export interface BusyboxRootfsOptions {
  /** Name under `<dataDir>/rootfs`. @default "busybox" (the default rootfs, `defaultRootfsDir()`) */
  name?: string;
  /** Path of the busybox binary to copy; it must be static. @default busybox on PATH, else /bin/busybox */
  busybox?: string;
  /** Rebuild even when an up-to-date rootfs exists (and replace a non-busybox rootfs of that name). @default false */
  force?: boolean;
}

/** Folders of the rootfs, with their modes (/tmp is world-writable with the sticky bit, /root private). */
const DIRS: ReadonlyArray<[string, number]> = [
  ["bin", 0o755],
  ["sbin", 0o755],
  ["etc", 0o755],
  ["usr", 0o755],
  ["proc", 0o555],
  ["sys", 0o555],
  ["dev", 0o755],
  ["tmp", 0o1777],
  ["root", 0o700],
  ["home", 0o755],
  ["var", 0o755],
  ["var/tmp", 0o1777],
  ["run", 0o755],
  ["mnt", 0o755],
];

function etcFiles(bb: HostBusybox): Record<string, string> {
  return {
    passwd: "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n",
    group: "root:x:0:\nnobody:x:65534:\n",
    hostname: "nsbook\n",
    hosts: "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\tnsbook\n",
    "os-release": [
      'NAME="nsbook busybox"',
      "ID=nsbook",
      `PRETTY_NAME="nsbook busybox rootfs (BusyBox ${bb.version.replace(/"/g, "")})"`,
      "",
    ].join("\n"),
  };
}

/** Fills `dir` (empty) with the busybox rootfs layout. */
async function populateBusyboxRootfs(dir: string, bb: HostBusybox, marker: RootfsMarker): Promise<void> {
  for (const [d, mode] of DIRS) {
    await mkdir(join(dir, d), { mode });
    await chmod(join(dir, d), mode); // mkdir's mode is masked by the umask; 1777 needs an explicit chmod
  }
  // Scripts say #!/usr/bin/env and /usr/sbin/chroot: /usr/bin and /usr/sbin lead to the same applets.
  await symlink("../bin", join(dir, "usr/bin"));
  await symlink("../sbin", join(dir, "usr/sbin"));
  await copyFile(bb.path, join(dir, "bin/busybox"));
  await chmod(join(dir, "bin/busybox"), 0o755);
  const inBin = new Set<string>(["busybox"]);
  const inSbin = new Set<string>();
  for (const applet of bb.applets) {
    if (!inBin.has(applet.name)) {
      inBin.add(applet.name);
      await symlink("busybox", join(dir, "bin", applet.name));
    }
    if (applet.dir.endsWith("sbin") && !inSbin.has(applet.name)) {
      inSbin.add(applet.name);
      await symlink("../bin/busybox", join(dir, "sbin", applet.name));
    }
  }
  for (const [file, text] of Object.entries(etcFiles(bb))) {
    await writeFile(join(dir, "etc", file), text, { mode: 0o644 });
  }
  if (isRoot()) await createDeviceNodes(dir);
  await writeRootfsMarker(dir, marker);
}

const isRoot = (): boolean => process.getuid?.() === 0;

async function isRegularFile(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Builds the busybox root filesystem (by default the default one, `defaultRootfsDir()`) from the host's static
 * busybox: /bin/busybox plus a relative symlink per applet in /bin (and /sbin for sbin applets), /usr/bin and
 * /usr/sbin leading there, /etc/passwd (root, nobody), /etc/group, /etc/hostname ("nsbook"), /etc/hosts,
 * /etc/os-release, the marker /etc/nsbook-rootfs, and empty /proc /sys /dev /tmp (1777) /root /home /var /run
 * /mnt; as root also the standard device nodes in /dev (null, zero, full, random, urandom, tty). Idempotent: an existing busybox rootfs made from the same busybox binary is left alone
 * ("up-to-date") unless `force`. Built in a staging folder and renamed into place.
 */
export async function buildBusyboxRootfs(options: BusyboxRootfsOptions = {}): Promise<RootfsBuildResult> {
  const started = performance.now();
  const name = validateRootfsName(options.name ?? "busybox");
  const dir = rootfsDir(name);
  const bb = await findHostBusybox(options.busybox);
  const what = `BusyBox ${bb.version} from ${bb.path}`;
  const elapsed = () => performance.now() - started;
  const upToDate = async (): Promise<RootfsBuildResult | undefined> => {
    const marker = await readRootfsMarker(dir);
    if (
      marker?.kind !== "busybox" ||
      marker.sha256 !== bb.sha256 ||
      !(await isRegularFile(join(dir, "bin/busybox"))) ||
      (isRoot() && !(await hasDeviceNodes(dir)))
    ) {
      return undefined;
    }
    return { name, dir, status: "up-to-date", detail: what, marker, notes: [], durationMs: elapsed() };
  };
  const current = options.force ? undefined : await upToDate();
  if (current) return current;
  const existing = await existingRootfs(dir);
  let detail = what;
  if (existing.present && options.force) detail = `rebuilt with --force: ${what}`;
  else if (existing.marker?.kind === "busybox" && existing.marker.sha256 !== bb.sha256) {
    detail = `rebuilt, the host's busybox changed: ${what}`;
  } else if (existing.marker?.kind === "busybox")
    detail = `rebuilt, the old one had no /bin/busybox or no device nodes: ${what}`;
  const marker: RootfsMarker = {
    kind: "busybox",
    created: new Date().toISOString(),
    source: bb.path,
    sha256: bb.sha256,
    busyboxVersion: bb.version,
  };
  // A stale busybox rootfs is ours to rebuild; anything else under that name needs --force.
  const replace = options.force === true || existing.marker?.kind === "busybox";
  try {
    await installRootfsAtomically(name, (staging) => populateBusyboxRootfs(staging, bb, marker), { replace });
  } catch (e) {
    // Another process (or cell) built the same rootfs meanwhile: theirs is as good as ours.
    const theirs = e instanceof RootfsError && e.appeared ? await upToDate() : undefined;
    if (theirs) return theirs;
    throw e;
  }
  const status = existing.present ? "replaced" : "created";
  return { name, dir, status, detail, marker, notes: [], durationMs: elapsed() };
}
