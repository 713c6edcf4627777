// A process's root directory, as the kernel keeps it: the target of /proc/PID/root. After chroot it names the
// new root as the host sees it (notebook 01 compares the kernel's with a container init's).
import { readlinkSync } from "node:fs";
import type { ProcessRef } from "./process-ref.js";

/** The root directory of process `pid` (readlink /proc/PID/root). Throws when the process is gone. */
export function readProcessRoot(pid: ProcessRef): string {
  return readlinkSync(`/proc/${pid}/root`);
}
