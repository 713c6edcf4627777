// Sending a signal to container processes: directly, or through `sudo -n kill` when they belong to root.
import { runHost } from "../../host/index.js";
import type { ContainerPrivilege } from "../../privilege/index.js";

/** Signals nsbook sends: to stop a container, or passed on to its command (`nsbook kill`, `nsbook run`). */
export const CONTAINER_SIGNALS = [
  "SIGTERM",
  "SIGKILL",
  "SIGINT",
  "SIGHUP",
  "SIGQUIT",
  "SIGUSR1",
  "SIGUSR2",
] as const;

/** One of {@link CONTAINER_SIGNALS}. */
export type StopSignal = (typeof CONTAINER_SIGNALS)[number];

/**
 * Sends `signal` to each PID that still exists. A process that is already gone (ESRCH) is not an error: it is
 * what stopping wants. In sudo mode the processes are root's, so the signal goes through `sudo -n kill`.
 */
export async function signalProcesses(
  pids: readonly number[],
  signal: StopSignal,
  mode: ContainerPrivilege,
): Promise<void> {
  if (pids.length === 0) return;
  if (mode === "sudo") {
    // kill(1) exits non-zero when one PID is gone already; the others still got the signal.
    await runHost(["sudo", "-n", "kill", "-s", signal.slice(3), ...pids.map(String)], {
      what: `send ${signal} to container processes`,
      allowFailure: true,
    });
    return;
  }
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ESRCH") throw e;
    }
  }
}
