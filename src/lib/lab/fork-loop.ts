// A bounded stand-in for a fork bomb: starts background sleepers until the pids limit refuses a fork.
import { invalidOption } from "../errors/index.js";

/**
 * Shell text (for the container's sh) that starts up to `count` background `sleep`s, one at a time, and prints
 * "started N" when it stops: either all were started, or a fork failed at the pids limit (busybox ash then
 * leaves the loop with "can't fork", and its EXIT trap still reports). Unlike a real fork bomb it is bounded,
 * and its sleepers die with the container (the kernel kills a pid namespace's processes when its init exits).
 */
export function boundedForkLoopScript(count: number, sleepSeconds = 30): string {
  if (!Number.isInteger(count) || count < 1 || count > 100_000)
    throw invalidOption("count", count, "must be a whole number from 1 to 100000");
  if (!Number.isInteger(sleepSeconds) || sleepSeconds < 1)
    throw invalidOption("sleepSeconds", sleepSeconds, "must be a whole number of seconds, at least 1");
  return [
    "i=0",
    "trap 'echo \"started $i\"' EXIT",
    `while [ "$i" -lt ${count} ]; do sleep ${sleepSeconds} & i=$((i + 1)); done`,
  ].join("; ");
}

/** Reads "started N" from the output of {@link boundedForkLoopScript}; undefined when absent. */
export function parseForkLoopStarted(stdout: string): number | undefined {
  const m = /started (\d+)/.exec(stdout);
  return m ? Number(m[1]) : undefined;
}
