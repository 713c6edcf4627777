// Naming a process so that a reused PID is never mistaken for it, asking whether it still runs, and waiting
// for processes to end by polling /proc (which works for processes that are not our children).
import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import type { ProcessIdentity } from "../core/state.js";
import { type ProcStat, parseProcStat } from "./proc-stat.js";

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

/** Polling interval, in milliseconds: short, because a container usually ends within a few ms of its signal. */
const POLL_MS = 5;

/**
 * Resolves once none of `processes` runs any more, or after `timeoutMs`; returns those still running.
 * Polling backs off from 5 ms to 50 ms.
 */
export async function waitUntilGone(
  processes: readonly ProcessIdentity[],
  timeoutMs: number,
): Promise<ProcessIdentity[]> {
  const deadline = performance.now() + timeoutMs;
  let left = [...processes];
  let delay = POLL_MS;
  for (;;) {
    const running = await Promise.all(left.map(isRunning));
    left = left.filter((_, i) => running[i]);
    if (left.length === 0 || performance.now() >= deadline) return left;
    await sleep(Math.min(delay, Math.max(1, deadline - performance.now())));
    delay = Math.min(delay * 2, 50);
  }
}
