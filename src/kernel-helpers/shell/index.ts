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
import { currentLang } from "../i18n/index.js";

/** How a command ended, in the notebook's language. */
export function endNote(end: { signal?: string | null; exitCode?: number | null }): string | undefined {
  const ja = currentLang() === "ja";
  if (end.signal) return ja ? `（シグナル ${end.signal} で終了）` : `(ended by ${end.signal})`;
  if (end.exitCode !== 0 && end.exitCode !== null && end.exitCode !== undefined)
    return ja ? `（終了コード ${end.exitCode}）` : `(exit code ${end.exitCode})`;
  return undefined;
}

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
    case "end": {
      const note = endNote(entry);
      if (note) process.stdout.write(`${note}\n`);
      return;
    }
    default:
      return;
  }
}

/** zx's `$`: echoes each command and its output into the cell; values interpolated are quoted. */
export const $ = zx$({ verbose: true, log: echo });
