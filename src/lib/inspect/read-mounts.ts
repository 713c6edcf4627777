// Reader of a process's mount table (/proc/PID/mountinfo), parsed with its propagation.
import { type MountInfoEntry, parseMountInfo } from "../proc/mountinfo.js";
import { type ProcessRef, validateProcessRef } from "./process-ref.js";
import { readProcText } from "./read-proc-file.js";

/**
 * The mounts of process `pid`'s mount namespace, as that process sees them: mount points are relative to
 * its root directory (a chrooted container's "/" is its root filesystem), and mounts outside its root are
 * left out by the kernel.
 */
export async function readMounts(pid: ProcessRef): Promise<MountInfoEntry[]> {
  validateProcessRef(pid, "pid");
  return parseMountInfo(await readProcText(pid, "mountinfo"));
}
