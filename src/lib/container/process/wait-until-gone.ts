// Waiting for processes to end, by polling /proc (works for processes that are not our children).
import { setTimeout as sleep } from "node:timers/promises";
import type { ProcessIdentity } from "../../core/state/container-state.js";
import { isRunning } from "./process-identity.js";

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
