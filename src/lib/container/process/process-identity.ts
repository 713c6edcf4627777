// Naming a process so that a reused PID is never mistaken for it, and asking whether it still runs.
import { readFile } from "node:fs/promises";
import type { ProcessIdentity } from "../../core/state/container-state.js";
import { type ProcStat, parseProcStat } from "../../inspect/proc-stat.js";

/** /proc/PID/stat parsed, or undefined when there is no such process. */
export async function readStat(pid: number): Promise<ProcStat | undefined> {
  try {
    return parseProcStat(await readFile(`/proc/${pid}/stat`, "utf8"));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ESRCH") return undefined;
    throw e;
  }
}

/** The identity (PID + start time) of a running process, or undefined when it is gone. */
export async function identifyProcess(pid: number): Promise<ProcessIdentity | undefined> {
  const stat = await readStat(pid);
  return stat ? { pid, startTime: stat.startTimeTicks } : undefined;
}

/**
 * True while the process named by `id` exists and is not a zombie. A zombie has exited already (its parent
 * has not collected it yet): for nsbook it is gone.
 */
export async function isRunning(id: ProcessIdentity | undefined): Promise<boolean> {
  if (!id) return false;
  const stat = await readStat(id.pid);
  return (
    stat !== undefined && stat.startTimeTicks === id.startTime && stat.state !== "Z" && stat.state !== "X"
  );
}
