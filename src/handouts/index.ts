// Handouts: notebooks executed headlessly and turned into HTML/PDF pages for a class. About Jupyter, so
// apart from src/lib (which knows nothing of it).

export { CELL_PROGRESS_PREFIX } from "./assets/execute-notebook-py.js";
export {
  buildHandouts,
  formatMadeAt,
  type HandoutResult,
  type HandoutsEvent,
  type HandoutsOptions,
  type HandoutsReport,
} from "./build-handouts.js";
export {
  type CellFailure,
  cellFailures,
  describeFailure,
  errorSummary,
  firstSourceLine,
} from "./cell-failures.js";
export {
  CHROMIUM_NAMES,
  chromiumMissing,
  findChromium,
  parsePdfinfoPages,
  pdfPageCount,
  printPdf,
  printToPdfArgv,
} from "./chromium-pdf.js";
export { executionFailureSummary, parseCellProgress } from "./execution-failure.js";
export {
  findNotebooks,
  HANDOUT_LANGS,
  type NotebookToRun,
  notebookMatches,
  selectLangs,
} from "./find-notebooks.js";
export { findOnPath, isExecutableFile } from "./find-program.js";
export {
  type FinishHtmlOptions,
  finishHandoutHtml,
  linkNotebooksToHandouts,
  stripExternalResources,
} from "./finish-html.js";
export {
  formatManifest,
  type HandoutEntry,
  LANG_ORDER,
  mergeEntries,
  parseManifest,
  sortEntries,
} from "./handout-entry.js";
export { type IndexPageOptions, renderIndexPage } from "./index-page.js";
export {
  ensureKernelspec,
  findJupyterPython,
  JUPYTER_MISSING,
  jupyterEnv,
  jupyterLocalDir,
  KERNEL_NAME,
  pythonCandidates,
} from "./jupyter-tools.js";
export {
  isKernelStartFailure,
  KERNEL_START_FAILED,
  retryIfKernelDidNotStart,
} from "./kernel-start-race.js";
export {
  type Notebook,
  type NotebookCell,
  type NotebookOutput,
  parseNotebook,
  textOf,
} from "./notebook-json.js";
export { firstHeading, notebookTitle, plainMarkdownText } from "./notebook-title.js";
export {
  ANSWER_TAG,
  REMOVE_CELL_TAG,
  REMOVE_INPUT_TAG,
  REMOVE_OUTPUT_TAG,
  type TagRemovalOptions,
  tagRemovalArgs,
} from "./removal-tags.js";
export {
  type ExecuteNotebookOptions,
  type ExecuteOutcome,
  type ExportHtmlOptions,
  executeNotebook,
  exportHtml,
} from "./run-jupyter.js";
