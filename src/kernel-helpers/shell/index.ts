// zx's `$` as notebooks use it: the learner types the original course's shell line, as written, and the
// cell shows the command, then its output, then how it ended.
//
// It is zx's own `$` with presets (`$({...})` returns a new `$`; zx's global settings stay untouched):
// - every interpolated value is quoted as one argument (`${"a b; rm -rf /"}` stays one word);
// - zx's echo (the command, its stdout and its stderr, like a terminal) goes to the cell's stdout: zx writes
//   it to stderr by default, which Jupyter paints red and the notebook tests read as an error;
// - the line that says how a command ended speaks the notebook's language;
// - a non-zero exit still throws zx's ProcessOutput, unless the line says `.nothrow()` (as the cells that
//   show a failure on purpose do); the cell then prints one line naming the command and its exit code
//   instead of zx's multi-line dump.
// The library itself never uses zx: it runs argv without a shell through `runHost`.
import { inspect } from "node:util";
import { type LogEntry, ProcessPromise, type Shell, $ as zx$ } from "zx";
import { localize } from "../i18n/index.js";

/** How a command ended, in the notebook's language (pure); undefined for a clean exit. */
export function endNote(end: { signal?: string | null; exitCode?: number | null }): string | undefined {
  if (end.signal)
    return localize({ en: `(ended by ${end.signal})`, ja: `（シグナル ${end.signal} で終了）` });
  if (end.exitCode !== 0 && end.exitCode !== null && end.exitCode !== undefined) {
    return localize({ en: `(exit code ${end.exitCode})`, ja: `（終了コード ${end.exitCode}）` });
  }
  return undefined;
}

/** The one line a failed command leaves in the cell (pure): the command and its exit code or signal. */
export function failedLine(command: string, exitCode: number | null, signal: string | null): string {
  const how = signal
    ? localize({ en: `ended by ${signal}`, ja: `シグナル ${signal} で終了` })
    : localize({ en: `exit code ${exitCode}`, ja: `終了コード ${exitCode}` });
  return localize({
    en: `command failed (${how}): ${command}`,
    ja: `コマンドが失敗しました（${how}）: ${command}`,
  });
}

function echo(entry: LogEntry): void {
  // `$({ quiet: true })`: the command runs without echo (a table will show its result). (`.quiet()` comes
  // too late for the command line: zx has logged it when the line started.)
  if ("verbose" in entry && entry.verbose === false) return;
  switch (entry.kind) {
    case "cmd":
      process.stdout.write(`$ ${entry.cmd}\n`);
      return;
    case "stdout":
      process.stdout.write(entry.data);
      return;
    case "stderr":
      // Into the transcript, as a terminal shows it: the cell's stderr is kept for the cell's own errors
      // (a command that fails without `.nothrow()` still prints its one-line error there).
      process.stdout.write(entry.data);
      return;
    case "end": {
      const line = endNote(entry);
      if (line) process.stdout.write(`${line}\n`);
      return;
    }
    default:
      return;
  }
}

interface FailedOutput {
  exitCode: number | null;
  signal: string | null;
}

// tslab prints a failed cell's error with console.error, i.e. util.inspect: the output of a failed command
// gets its own inspect (and stack) saying which command failed and how, in one line. zx's stack and its
// dump of stdout/stderr add nothing: both streams are already in the cell. tslab also prints the value of
// a cell's last expression, so a cell ending in ``await $`...` `` would repeat the output as zx's English
// `ProcessOutput { stdout: ... }`: a finished command's inspect is empty instead.
function labelOutput(promise: ProcessPromise): void {
  const command = promise.cmd;
  Promise.prototype.then.call(
    promise,
    (output: unknown) => {
      if (output !== null && typeof output === "object") {
        Object.defineProperty(output, inspect.custom, { value: () => "", configurable: true });
      }
    },
    (output: unknown) => {
      if (output === null || typeof output !== "object" || !("exitCode" in output)) return;
      const { exitCode, signal } = output as FailedOutput;
      const line = failedLine(command, exitCode, signal);
      Object.defineProperty(output, inspect.custom, { value: () => line, configurable: true });
      Object.defineProperty(output, "stack", { value: line, configurable: true });
    },
  );
}

// Wraps a `$` so every command it starts gets labelOutput; `$({...})` (presets) gives a wrapped `$` too.
function withReadableFailures(shell: Shell): Shell {
  return new Proxy(shell, {
    apply(target, thisArg, args) {
      const made: unknown = Reflect.apply(target, thisArg, args);
      if (made instanceof ProcessPromise) {
        labelOutput(made);
        return made;
      }
      return typeof made === "function" ? withReadableFailures(made as Shell) : made;
    },
  });
}

/** zx's `$`: echoes each command and its output into the cell; values interpolated are quoted. */
export const $: Shell = withReadableFailures(zx$({ verbose: true, log: echo }));
