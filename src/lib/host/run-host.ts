// The one way nsbook runs a host command: an argv array (never a shell), typed output, one error class.
import { execa } from "execa";
import { hintFor } from "./hints.js";
import { HostCommandError } from "./host-command-error.js";

/** Options for {@link runHost}. */
export interface RunHostOptions {
  /** What the command is for, used as the first words of an error ("mount /proc in the container"). @default "run <program>" */
  what?: string;
  /** Working directory. @default process.cwd() */
  cwd?: string;
  /** Extra environment variables (added to the current environment). @default {} */
  env?: Readonly<Record<string, string | undefined>>;
  /** Text or bytes written to the command's stdin, then closed. @default no stdin (ignored) */
  input?: string | Uint8Array;
  /** Kill the command (SIGTERM, then SIGKILL 2 s later) after this many milliseconds. @default no timeout */
  timeoutMs?: number;
  /** Aborting kills the command. */
  signal?: AbortSignal;
  /** Return the result when the command exits non-zero instead of throwing. @default false */
  allowFailure?: boolean;
  /** Called with stdout text as it arrives (output is still collected). */
  onStdout?: (text: string) => void;
  /** Called with stderr text as it arrives (output is still collected). */
  onStderr?: (text: string) => void;
  /** Largest stdout/stderr kept, in bytes. @default 64 MiB */
  maxBufferBytes?: number;
}

/** How a host command ended. */
/**
 * How a process ended and what it wrote: the shape every "a process ran" result of nsbook extends (a host
 * command's {@link HostResult}, a process in a container's ProcessOutcome, `runContainer`'s RunResult).
 */
export interface ProcessResult {
  /** Exit code; undefined when killed by a signal or not started. */
  exitCode?: number;
  /** Signal that ended it, e.g. "SIGKILL". */
  signal?: string;
  /** What it wrote to stdout ("" when its stdout was not collected). */
  stdout: string;
  /** What it wrote to stderr ("" when its stderr was not collected). */
  stderr: string;
  /** Wall time from spawn to exit, in milliseconds. */
  durationMs: number;
}

export interface HostResult extends ProcessResult {
  argv: readonly string[];
  /** True unless it exited with code 0. */
  failed: boolean;
  /** Advice when it failed in a known way. */
  hint?: string;
}

// Debian and Ubuntu give ordinary users a PATH without the sbin folders, where chroot, pivot_root,
// mknod and ip live: a rootless learner would get "command not found" for tools that are installed.
const SBIN_DIRS = ["/usr/local/sbin", "/usr/sbin", "/sbin"];

/** `path` with the sbin folders appended when missing. */
export function withSbinPath(path: string | undefined): string {
  const dirs = (path ?? "").split(":").filter(Boolean);
  return [...dirs, ...SBIN_DIRS.filter((d) => !dirs.includes(d))].join(":");
}

function validateArgv(argv: readonly string[]): void {
  if (argv.length === 0 || !argv[0])
    throw new TypeError("runHost: argv must name a program (argv[0] is empty)");
  for (const [i, a] of argv.entries()) {
    if (typeof a !== "string") throw new TypeError(`runHost: argv[${i}] must be a string, got ${typeof a}`);
    if (a.includes("\0"))
      throw new TypeError(`runHost: argv[${i}] contains a NUL byte: ${JSON.stringify(a)}`);
  }
}

/**
 * Runs `argv` on the host and resolves with its output; throws {@link HostCommandError} when it fails
 * (unless `allowFailure`).
 *
 * Jupyter note: execa's default `cleanup: true` installs a process-wide SIGINT listener on the first
 * spawn; inside the tslab kernel that turns the *next* interrupt into a kernel death. We always pass
 * `cleanup: false`: nsbook's own registry (not exit hooks) is what cleans containers up.
 */
export async function runHost(argv: readonly string[], options: RunHostOptions = {}): Promise<HostResult> {
  validateArgv(argv);
  const [file, ...args] = argv as [string, ...string[]];
  const started = performance.now();
  const child = execa(file, args, {
    cleanup: false,
    reject: false,
    stripFinalNewline: false,
    cwd: options.cwd,
    env: { ...options.env, PATH: withSbinPath(options.env?.PATH ?? process.env.PATH) } as Record<
      string,
      string
    >,
    extendEnv: true,
    ...(options.input === undefined ? { stdin: "ignore" as const } : { input: options.input }),
    timeout: options.timeoutMs,
    cancelSignal: options.signal,
    forceKillAfterDelay: 2000,
    maxBuffer: options.maxBufferBytes ?? 64 * 1024 * 1024,
    encoding: "utf8",
  });
  if (options.onStdout) child.stdout?.on("data", (d: Buffer) => options.onStdout?.(d.toString()));
  if (options.onStderr) child.stderr?.on("data", (d: Buffer) => options.onStderr?.(d.toString()));
  const r = await child;
  const durationMs = performance.now() - started;
  const stdout = typeof r.stdout === "string" ? r.stdout : "";
  const stderr = typeof r.stderr === "string" ? r.stderr : "";
  const exitCode = typeof r.exitCode === "number" ? r.exitCode : undefined;
  const signal = r.signal ?? undefined;
  const code = (r.cause as NodeJS.ErrnoException | undefined)?.code;
  const failed = exitCode !== 0;
  const hint = failed ? hintFor({ argv, exitCode, stderr, code }) : undefined;
  const result: HostResult = { argv, exitCode, signal, stdout, stderr, durationMs, failed, hint };
  if (failed && !options.allowFailure) {
    const what = options.what ?? `run ${file}`;
    const why = r.timedOut ? `timed out after ${options.timeoutMs} ms` : r.isCanceled ? "aborted" : undefined;
    throw new HostCommandError({
      what,
      argv,
      exitCode,
      signal,
      stderr: [why, stderr.trim()].filter(Boolean).join("\n"),
      stdout: stdout.trim(),
      durationMs,
      hint,
      cause: r.cause,
    });
  }
  return result;
}
