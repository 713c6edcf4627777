// Waiting on the processes of a PID namespace: until a freshly started container runs everything its command
// starts (notebook 07), and until a namespace's processes are gone after its PID 1 died (notebook 02: the
// kernel kills every other process of the namespace then).
import { setTimeout as sleep } from "node:timers/promises";
import { type ProcessSeenInside, readProcessesSeenBy } from "./pid-namespace-view.js";
import { waitUntilGone } from "./process-identity.js";

/** What {@link waitForProcesses} waits for. */
export interface WaitForProcessesOptions {
  /** How many processes must be there. */
  count: number;
  /** Count only processes with this command name (comm), e.g. "sleep". @default every process */
  name?: string;
  /** Give up after this many milliseconds. @default 3000 */
  timeoutMs?: number;
}

/**
 * Resolves once the PID namespace of `pid` (a container's init) holds at least `count` processes (named
 * `name`, when given), with how many there are. A container is "ready" as soon as its init runs, a moment
 * before its command has forked its children: a table read right away could miss some.
 */
export async function waitForProcesses(pid: number, options: WaitForProcessesOptions): Promise<number> {
  const { count, name } = options;
  const timeoutMs = options.timeoutMs ?? 3000;
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(`waitForProcesses: count must be a whole number >= 1, got ${count}`);
  }
  const deadline = performance.now() + timeoutMs;
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    const { processes } = await readProcessesSeenBy(pid);
    const seen = processes.filter((p) => name === undefined || p.name === name).length;
    if (seen >= count) return seen;
    if (performance.now() >= deadline) {
      const what = name === undefined ? "processes" : `"${name}" processes`;
      throw new Error(
        `process ${pid}: ${seen} ${what} in its PID namespace after ${timeoutMs} ms, expected ${count}`,
      );
    }
    await sleep(delay);
  }
}

/**
 * Waits until none of `processes` runs any more, for at most `timeoutMs`; resolves with those still there. A
 * process is named by its PID and start time, so a newer one that got the same PID is not waited for.
 */
export async function waitForProcessesGone(
  processes: readonly ProcessSeenInside[],
  timeoutMs = 5_000,
): Promise<ProcessSeenInside[]> {
  const left = await waitUntilGone(
    processes.map((p) => ({ pid: p.pid, startTime: p.startTimeTicks })),
    timeoutMs,
  );
  return processes.filter((p) => left.some((l) => l.pid === p.pid));
}
