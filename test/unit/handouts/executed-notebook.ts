// Executed notebooks as nbconvert writes them after a tslab run, built in code (tslab leaves
// execution_count null and reports errors as stderr streams).

import type { Notebook, NotebookCell, NotebookOutput } from "../../../src/handouts/index.js";
import { checkMarkerAttributes } from "../../../src/kernel-helpers/checks/marker.js";

/** A Markdown cell. */
export function markdown(source: string): NotebookCell {
  return { cell_type: "markdown", metadata: {}, source };
}

/** A code cell with the given outputs. */
export function code(source: string, outputs: NotebookOutput[] = [], id?: string): NotebookCell {
  return { cell_type: "code", id, metadata: {}, source: source.split(/(?<=\n)/), outputs };
}

/** A stdout or stderr stream output. */
export function stream(name: "stdout" | "stderr", text: string): NotebookOutput {
  return { output_type: "stream", name, text: text.split(/(?<=\n)/) };
}

/** An HTML display output. */
export function html(text: string): NotebookOutput {
  return { output_type: "display_data", data: { "text/html": [text] } };
}

/** A self-check block as the kernel helpers render it. */
export function checkBlock(id: string, passed: boolean): NotebookOutput {
  return html(
    `<div class="nsbook-check" ${checkMarkerAttributes({ id, passed })}>${passed ? "✓" : "✗"} ${id}</div>`,
  );
}

/** A notebook of these cells. */
export function notebook(...cells: NotebookCell[]): Notebook {
  return { cells, metadata: {}, nbformat: 4 };
}

/** What tslab writes to stderr when a cell throws (captured from a real run, stack shortened). */
export const TSLAB_THROW_STDERR = [
  "evalmachine.<anonymous>:2\n",
  'throw new Error("わざと失敗 deliberate failure");\n',
  "^\n",
  "\n",
  "Error: わざと失敗 deliberate failure\n",
  "    at evalmachine.<anonymous>:2:7\n",
  "    at evalmachine.<anonymous>:4:3\n",
  "    at sigintHandlersWrap (node:vm:280:12)\n",
  "    at Object.execute (/work/main/node_modules/tslab/dist/executor.js:160:38)\n",
].join("");
