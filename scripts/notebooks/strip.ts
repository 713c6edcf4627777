// Committed notebooks carry no outputs: strip them, and find the ones that still have some.
import type { Notebook, NotebookCell } from "./notebook-json.js";

/** Cell metadata keys written by running a notebook (timings, scroll state), dropped on commit. */
const VOLATILE_CELL_METADATA = ["execution", "collapsed", "scrolled", "ExecuteTime"];

/** A copy of `nb` without outputs, execution counts or run-time metadata. */
export function stripNotebook(nb: Notebook): Notebook {
  const cells = nb.cells.map((cell): NotebookCell => {
    const metadata = Object.fromEntries(
      Object.entries(cell.metadata ?? {}).filter(([k]) => !VOLATILE_CELL_METADATA.includes(k)),
    );
    if (cell.cell_type !== "code") return { ...cell, metadata };
    return { ...cell, metadata, outputs: [], execution_count: null };
  });
  const { widgets: _widgets, ...metadata } = nb.metadata as Record<string, unknown>;
  return { ...nb, cells, metadata };
}

/** What in `nb` should not be committed, one line each (empty when clean). */
export function unstrippedParts(nb: Notebook): string[] {
  const problems: string[] = [];
  for (const [i, cell] of nb.cells.entries()) {
    const where = `cell ${i + 1}${cell.id ? ` (${cell.id})` : ""}`;
    if (cell.cell_type === "code" && (cell.outputs?.length ?? 0) > 0) problems.push(`${where} has outputs`);
    if (cell.cell_type === "code" && cell.execution_count !== null && cell.execution_count !== undefined) {
      problems.push(`${where} has an execution count`);
    }
    for (const k of VOLATILE_CELL_METADATA)
      if (k in (cell.metadata ?? {})) problems.push(`${where} has metadata.${k}`);
  }
  return problems;
}
