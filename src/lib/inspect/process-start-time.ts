// A process's start time, to tell "the process we started" from a later one that got the same PID.

import { ProcFileError } from "./proc-file-error.js";
import { parseProcStat } from "./proc-stat.js";
import { validateProcessRef } from "./process-ref.js";
import { readProcText, readProcTextSync, unlessGone } from "./read-proc-file.js";

/**
 * Start time of process `pid` in clock ticks after boot (field 22 of /proc/PID/stat), or undefined when
 * there is no such process. Store it with the PID; later, the PID names the same process only while this
 * still returns the same number.
 */
export async function readProcessStartTime(pid: number): Promise<number | undefined> {
  validateProcessRef(pid, "pid");
  const text = await unlessGone(() => readProcText(pid, "stat"));
  return text === undefined ? undefined : parseProcStat(text).startTimeTicks;
}

/** Synchronous {@link readProcessStartTime} (for exit hooks and cleanup that cannot await). */
export function readProcessStartTimeSync(pid: number): number | undefined {
  validateProcessRef(pid, "pid");
  try {
    return parseProcStat(readProcTextSync(pid, "stat")).startTimeTicks;
  } catch (e) {
    if (e instanceof ProcFileError && e.processGone) return undefined;
    throw e;
  }
}

/** True while `pid` is still the process that had `startTimeTicks` (false once it exited or the PID was reused). */
export async function isSameProcess(pid: number, startTimeTicks: number): Promise<boolean> {
  return (await readProcessStartTime(pid)) === startTimeTicks;
}
