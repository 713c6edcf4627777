// What an executed notebook shows: errors (tslab prints them to stderr), self-check markers, output kinds.

import { type Notebook, textOf } from "../../../scripts/notebooks/notebook-json.js";
import { parseCheckMarkers } from "../../../src/kernel-helpers/checks/marker.js";

/** Where in the notebook something was seen. */
export interface CellRef {
  /** 1-based index among all cells. */
  cell: number;
  id?: string;
}

/** Everything the tests look at in one executed notebook. */
export interface NotebookRun {
  /** `error` outputs and stderr text, per cell. */
  errors: (CellRef & { text: string })[];
  /** Self-check results, in output order (`check` is the check's id). */
  checks: (CellRef & { check: string; passed: boolean })[];
  /** MIME types and stream names seen ("text/html", "image/png", "stdout"...). */
  kinds: Set<string>;
  /** Every HTML output. */
  html: string[];
  /** Seconds each cell took, when nbclient recorded timing. */
  cellSeconds: (CellRef & { seconds: number })[];
}

/** Reads an executed notebook (pure). */
export function analyzeRun(nb: Notebook): NotebookRun {
  const run: NotebookRun = {
    errors: [],
    checks: [],
    kinds: new Set(),
    html: [],
    cellSeconds: [],
  };
  for (const [i, cell] of nb.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    const ref: CellRef = { cell: i + 1, id: cell.id };
    const timing = cell.metadata.execution as Record<string, string> | undefined;
    // tslab sends no execute_input (and no execution counts): time from busy to idle.
    const start = timing?.["iopub.status.busy"];
    const end = timing?.["iopub.status.idle"];
    if (start && end) run.cellSeconds.push({ ...ref, seconds: (Date.parse(end) - Date.parse(start)) / 1000 });
    for (const out of cell.outputs ?? []) {
      if (out.output_type === "error") {
        run.errors.push({ ...ref, text: `${out.ename}: ${out.evalue}` });
      } else if (out.output_type === "stream") {
        run.kinds.add(out.name ?? "stream");
        if (out.name === "stderr") run.errors.push({ ...ref, text: textOf(out.text) });
      } else {
        for (const [mime, data] of Object.entries(out.data ?? {})) {
          run.kinds.add(mime);
          if (mime !== "text/html") continue;
          const html = textOf(data as string | string[]);
          run.html.push(html);
          for (const m of parseCheckMarkers(html)) run.checks.push({ ...ref, check: m.id, passed: m.passed });
        }
      }
    }
  }
  return run;
}

/** What a notebook must show besides running cleanly. */
export interface NotebookExpectations {
  /** Check ids (English titles) that must have run and passed. */
  checks?: readonly string[];
  /** Output MIME types that must appear, e.g. "image/png". */
  kinds?: readonly string[];
  /** Patterns some HTML output must match, e.g. /<table/. */
  html?: readonly RegExp[];
  /** Fewest self-checks the notebook must run. @default 1 */
  minChecks?: number;
}

function where(ref: CellRef): string {
  return `cell ${ref.cell}${ref.id ? ` (${ref.id})` : ""}`;
}

/** Every way the run falls short, one readable line each (empty when all is well). */
export function problemsOf(run: NotebookRun, expect: NotebookExpectations = {}): string[] {
  const problems: string[] = [];
  for (const e of run.errors) problems.push(`${where(e)} wrote an error: ${e.text.trim().slice(0, 1500)}`);
  for (const c of run.checks) if (!c.passed) problems.push(`${where(c)}: self-check failed: ${c.check}`);
  const ran = new Set(run.checks.map((c) => c.check));
  for (const id of expect.checks ?? [])
    if (!ran.has(id)) problems.push(`expected self-check never ran: ${id}`);
  const min = expect.minChecks ?? 1;
  if (run.checks.length < min)
    problems.push(`expected at least ${min} self-check(s), saw ${run.checks.length}`);
  for (const kind of expect.kinds ?? [])
    if (!run.kinds.has(kind)) problems.push(`expected an output of type ${kind}, saw none`);
  for (const re of expect.html ?? [])
    if (!run.html.some((h) => re.test(h))) problems.push(`expected an HTML output matching ${re}, saw none`);
  return problems;
}
