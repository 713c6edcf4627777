// What went wrong in an executed notebook, per cell. tslab reports a failing cell as stderr text (not as
// an `error` output), and a failed nsbook self-check leaves a "fail" marker in its HTML and a
// `NSBOOK-CHECK-FAILED: <id>` line on stderr: all three count as a failure of the cell.
import { CHECK_FAILED_PREFIX, parseCheckMarkers } from "../kernel-helpers/index.js";
import { type Notebook, type NotebookCell, textOf } from "./notebook-json.js";

/** One cell that failed. */
export interface CellFailure {
  /** 1-based position among all cells (Markdown included), as a reader counts them. */
  cell: number;
  /** The cell's id, when the notebook has ids. */
  id?: string;
  /** First non-blank line of the cell's source. */
  firstLine: string;
  /** Error text: `error` outputs (`ename: evalue`) and stderr text, self-check lines removed. */
  errors: string[];
  /** Ids of the self-checks that failed in this cell. */
  failedChecks: string[];
}

/** First non-blank line of a cell's source, trimmed. */
export function firstSourceLine(cell: NotebookCell): string {
  const line = textOf(cell.source)
    .split("\n")
    .find((l) => l.trim() !== "");
  return line?.trim() ?? "";
}

function withoutCheckLines(stderr: string): { rest: string; checks: string[] } {
  const checks: string[] = [];
  const rest = stderr
    .split("\n")
    .filter((line) => {
      if (!line.startsWith(CHECK_FAILED_PREFIX)) return true;
      checks.push(line.slice(CHECK_FAILED_PREFIX.length).trim());
      return false;
    })
    .join("\n");
  return { rest: rest.trim(), checks };
}

function failureOf(cell: NotebookCell, index: number): CellFailure | undefined {
  const errors: string[] = [];
  const failedChecks = new Set<string>();
  for (const out of cell.outputs ?? []) {
    if (out.output_type === "error") {
      errors.push(`${out.ename ?? "Error"}: ${out.evalue ?? ""}`.trim());
    } else if (out.output_type === "stream" && out.name === "stderr") {
      const { rest, checks } = withoutCheckLines(textOf(out.text));
      if (rest) errors.push(rest);
      for (const id of checks) failedChecks.add(id);
    } else if (out.data && typeof out.data["text/html"] !== "undefined") {
      const html = textOf(out.data["text/html"] as string | string[]);
      for (const m of parseCheckMarkers(html)) if (!m.passed) failedChecks.add(m.id);
    }
  }
  if (errors.length === 0 && failedChecks.size === 0) return undefined;
  return {
    cell: index + 1,
    id: cell.id,
    firstLine: firstSourceLine(cell),
    errors,
    failedChecks: [...failedChecks],
  };
}

/** Every failed cell of an executed notebook, in order (empty when it ran cleanly). Pure. */
export function cellFailures(nb: Notebook): CellFailure[] {
  const failures: CellFailure[] = [];
  for (const [i, cell] of nb.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    const f = failureOf(cell, i);
    if (f) failures.push(f);
  }
  return failures;
}

/** The readable core of an error text: stack frames and blank runs dropped, at most `maxLines` lines. */
export function errorSummary(text: string, maxLines = 8): string {
  const lines = text
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => !/^\s+at /.test(l))
    .filter((l, i, all) => l !== "" || (i > 0 && all[i - 1] !== ""));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length <= maxLines) return lines.join("\n");
  return [...lines.slice(0, maxLines), `… (${lines.length - maxLines} more lines)`].join("\n");
}

const shorten = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A failure as indented text lines for the terminal: where, the cell's first line, then what went wrong. */
export function describeFailure(f: CellFailure): string[] {
  const lines = [
    `cell ${f.cell}${f.id ? ` (id ${f.id})` : ""}: ${shorten(f.firstLine, 100) || "(empty cell)"}`,
  ];
  for (const e of f.errors)
    lines.push(
      ...errorSummary(e)
        .split("\n")
        .map((l) => `  ${l}`),
    );
  for (const id of f.failedChecks) lines.push(`  self-check failed: ${id}`);
  return lines;
}
