// The one error class for a host command that failed: what ran, how it ended, and what to do.
import { NsbookError } from "../errors/index.js";

/** Everything known about one failed host command. */
export interface HostCommandFailure {
  /** What the caller was trying to do, e.g. "create the container's cgroup". */
  what: string;
  /** The argv that ran (argv[0] is the program). */
  argv: readonly string[];
  /** Exit code, or undefined when the process did not exit normally (signal, spawn failure). */
  exitCode?: number;
  /** Signal name that ended the process, e.g. "SIGKILL". */
  signal?: string;
  /** What the command wrote to stderr (trimmed). */
  stderr: string;
  /** What the command wrote to stdout (trimmed). */
  stdout: string;
  /** Wall time from spawn to exit, in milliseconds. */
  durationMs: number;
  /** Advice for a learner when the failure matches a known pattern. */
  hint?: string;
  /** The underlying error (spawn error, abort, timeout), if any. */
  cause?: unknown;
}

/** Quotes one argv element the way a shell user would type it back. */
export function shellQuote(arg: string): string {
  if (arg !== "" && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** Renders an argv as one copy-pasteable shell line. */
export function formatCommand(argv: readonly string[]): string {
  return argv.map(shellQuote).join(" ");
}

function describeEnd(f: HostCommandFailure): string {
  if (f.signal) return `killed by ${f.signal}`;
  if (f.exitCode !== undefined) return `exit code ${f.exitCode}`;
  return "did not start";
}

/** A host command failed. First line: `<what failed>: <command>`; then how it ended, stderr and a hint. */
export class HostCommandError extends NsbookError {
  override readonly name: string = "HostCommandError";
  readonly what: string;
  readonly argv: readonly string[];
  readonly command: string;
  readonly exitCode?: number;
  readonly signal?: string;
  readonly stderr: string;
  readonly stdout: string;
  readonly durationMs: number;

  constructor(f: HostCommandFailure) {
    const command = formatCommand(f.argv);
    const lines = [
      `${f.what} failed: ${command}`,
      `  ${describeEnd(f)} after ${Math.round(f.durationMs)} ms`,
    ];
    if (f.stderr) lines.push(...f.stderr.split("\n").map((l) => `  stderr: ${l}`));
    if (f.hint) lines.push(`  hint: ${f.hint}`);
    super("host-command", lines.join("\n"), {
      ...(f.cause === undefined ? {} : { cause: f.cause }),
      ...(f.hint === undefined ? {} : { hint: f.hint }),
    });
    this.what = f.what;
    this.argv = f.argv;
    this.command = command;
    this.exitCode = f.exitCode;
    this.signal = f.signal;
    this.stderr = f.stderr;
    this.stdout = f.stdout;
    this.durationMs = f.durationMs;
  }
}
