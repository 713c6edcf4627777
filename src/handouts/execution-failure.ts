// The useful end of the executing program's log when it gave up on a notebook (cell timeout, dead
// kernel, interrupted): a Python traceback from nbclient.
import { CELL_PROGRESS_PREFIX } from "./assets/execute-notebook-py.js";

/** Lines that are noise here (cell progress, tslab's shutdown chatter, nbformat warnings). */
const NOISE = [
  new RegExp(`^${CELL_PROGRESS_PREFIX}`),
  /^UnhandledPromiseRejection: Error: Socket is blocked/,
  /^\s+at .*(jupyter\.js|node:internal)/,
  /^\s*(errno|code): /,
  /^\s*[{}]\s*$/,
  /MissingIDFieldWarning|validate\(nb\)/,
];

/**
 * The part of the log that says why execution failed: from the last Python exception line (e.g.
 * `nbclient.exceptions.CellTimeoutError: A cell timed out ...`, which nbclient follows with a preview of
 * the cell) to the end, at most `maxLines` lines; the last lines when there is no exception line. Pure.
 */
export function executionFailureSummary(stderr: string, maxLines = 14): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l !== "" && !NOISE.some((re) => re.test(l)));
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^[A-Za-z_][\w.]*(Error|Exception|Interrupt)\b.*:/.test(lines[i] as string)) {
      start = i;
      break;
    }
  }
  const tail = start >= 0 ? lines.slice(start) : lines.slice(-maxLines);
  return tail.slice(0, maxLines).join("\n");
}

/** The cell a progress line announces, `{ cell, cells }` (code cells, 1-based), or undefined. Pure. */
export function parseCellProgress(line: string): { cell: number; cells: number } | undefined {
  if (!line.startsWith(CELL_PROGRESS_PREFIX)) return undefined;
  const [cell, cells] = line.slice(CELL_PROGRESS_PREFIX.length).trim().split(/\s+/).map(Number);
  if (!Number.isInteger(cell) || !Number.isInteger(cells)) return undefined;
  return { cell: cell as number, cells: cells as number };
}
