// Runs a command inside a container or on the host and returns it as a terminal entry ({ command, result }),
// for showTerminal. A non-zero exit is part of the lesson (ping before `lo` is up), so it is returned, not thrown.
import type { Container, ExecOptions } from "../../lib/container/index.js";
import { formatCommand, type RunHostOptions, runHost } from "../../lib/host/index.js";
import type { TerminalEntry } from "./chroot-terminal.js";

/** Runs `script` with /bin/sh inside `container` (like typing it at its shell). */
export async function execEntry(
  container: Container,
  script: string,
  options: ExecOptions = {},
): Promise<TerminalEntry> {
  return { command: script, result: await container.exec(["/bin/sh", "-c", script], options) };
}

/** Runs `argv` on the host (through runHost, no shell); failures are returned, not thrown. */
export async function hostEntry(
  argv: readonly string[],
  options: RunHostOptions = {},
): Promise<TerminalEntry> {
  return { command: formatCommand(argv), result: await runHost(argv, { ...options, allowFailure: true }) };
}
