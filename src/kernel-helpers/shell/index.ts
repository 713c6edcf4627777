// zx's `$` as notebooks use it: the learner types the original course's shell line, as written, and the
// cell shows the command, then its output, then how it ended.
//
// It is zx's own `$` with presets (`$({...})` returns a new `$`; zx's global settings stay untouched):
// - every interpolated value is quoted as one argument (`${"a b; rm -rf /"}` stays one word);
// - zx's echo goes to the cell's stdout: zx writes it to stderr by default, which Jupyter paints red;
// - a non-zero exit still throws (zx's ProcessOutput, whose message names the exit code), unless the
//   line says `.nothrow()` — as the cells that show a failure on purpose do.
// The library itself never uses zx: it runs argv without a shell through `runHost`.
import { type LogEntry, $ as zx$ } from "zx";

function echo(entry: LogEntry): void {
  switch (entry.kind) {
    case "cmd":
      process.stdout.write(`$ ${entry.cmd}\n`);
      return;
    case "stdout":
      process.stdout.write(entry.data);
      return;
    case "stderr":
      process.stderr.write(entry.data);
      return;
    case "end":
      if (entry.signal) process.stdout.write(`(ended by ${entry.signal})\n`);
      else if (entry.exitCode !== 0) process.stdout.write(`(exit code ${entry.exitCode})\n`);
      return;
    default:
      return;
  }
}

/** zx's `$`: echoes each command and its output into the cell; values interpolated are quoted. */
export const $ = zx$({ verbose: true, log: echo });
