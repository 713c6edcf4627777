// Containers this process launched itself: their exit is seen directly (the 'exit' event of our child), which
// lets the state record the main command's exit code while we are alive to see it.
import type { ChildProcess } from "node:child_process";

const pending = new Map<string, Promise<void>>();

/**
 * Runs `onExit` when `child` (the container's unshare, spawned by us) exits, and remembers the promise under
 * `name` until then, so {@link settleOwnChild} can wait for the record to be written.
 */
export function trackOwnChild(
  name: string,
  child: ChildProcess,
  onExit: (code: number | null, signal: NodeJS.Signals | null) => Promise<void>,
): void {
  const done = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      onExit(code, signal)
        .catch(() => undefined)
        .finally(() => {
          if (pending.get(name) === done) pending.delete(name);
          resolve();
        });
    });
  });
  pending.set(name, done);
}

/** Waits (at most `timeoutMs`) until the exit of our own child for container `name` has been recorded. */
export async function settleOwnChild(name: string, timeoutMs: number): Promise<void> {
  const done = pending.get(name);
  if (!done) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([done, new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)))]);
  clearTimeout(timer);
}
