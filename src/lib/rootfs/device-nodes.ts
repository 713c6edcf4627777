// The character devices every container expects in /dev, created in a rootfs we build (as root only).
import { lstat } from "node:fs/promises";
import { join } from "node:path";
import { runHost } from "../host/index.js";

/** One device node: name under /dev, major and minor numbers (Documentation/admin-guide/devices.txt). */
export interface DeviceNode {
  name: string;
  major: number;
  minor: number;
}

/** null, zero, full, random, urandom and tty: what runc creates in every container's /dev. */
export const STANDARD_DEVICE_NODES: readonly DeviceNode[] = [
  { name: "null", major: 1, minor: 3 },
  { name: "zero", major: 1, minor: 5 },
  { name: "full", major: 1, minor: 7 },
  { name: "random", major: 1, minor: 8 },
  { name: "urandom", major: 1, minor: 9 },
  { name: "tty", major: 5, minor: 0 },
];

/**
 * Creates the standard device nodes in `<rootfs>/dev` (mode 0666). Only root may mknod; a container whose
 * rootfs has them skips mounting a per-container /dev, which makes a one-shot run several times cheaper.
 */
export async function createDeviceNodes(rootfs: string): Promise<void> {
  for (const d of STANDARD_DEVICE_NODES) {
    const path = join(rootfs, "dev", d.name);
    await runHost(["mknod", "-m", "666", path, "c", String(d.major), String(d.minor)], {
      what: `create the device node /dev/${d.name} in the root filesystem`,
    });
  }
}

/** True when `<rootfs>/dev/null` is a character device. */
export async function hasDeviceNodes(rootfs: string): Promise<boolean> {
  try {
    return (await lstat(join(rootfs, "dev", "null"))).isCharacterDevice();
  } catch {
    return false;
  }
}
