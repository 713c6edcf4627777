// A container's command run on this terminal (`run`, `exec`, `shell`, `step`): the terminal's signals go to the
// command, and its end becomes nsbook's exit status as a shell reports it.
import { constants } from "node:os";

/** The exit status of a command that ended by a signal, as a shell reports it (128 + signal number). */
export function exitStatusOf(exitCode: number | undefined, signal: string | undefined): number {
  if (exitCode !== undefined) return exitCode;
  const n = signal ? (constants.signals as Record<string, number | undefined>)[signal] : undefined;
  return 128 + (n ?? 9);
}

/**
 * Runs `work` with SIGINT and SIGQUIT ignored by this process: the container's command shares the terminal
 * and gets Ctrl-C itself (a shell inside must survive it), while our death would kill the container.
 */
export async function withTerminalSignalsIgnored<T>(work: () => Promise<T>): Promise<T> {
  const ignore = () => {};
  process.on("SIGINT", ignore);
  process.on("SIGQUIT", ignore);
  try {
    return await work();
  } finally {
    process.off("SIGINT", ignore);
    process.off("SIGQUIT", ignore);
  }
}
