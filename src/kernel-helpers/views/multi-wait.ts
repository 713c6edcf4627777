// Waiting until a freshly started container runs everything its command starts.
import { setTimeout as sleep } from "node:timers/promises";
import { readProcessesSeenBy } from "../../lib/inspect/index.js";

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
