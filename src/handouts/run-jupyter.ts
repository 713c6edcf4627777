// The two Jupyter steps of a handout: execute the notebook under the nsbook kernel (nbclient, through
// assets/execute-notebook-py.ts), then export HTML (nbconvert).
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { runHost } from "../lib/index.js";
import { EXECUTE_NOTEBOOK_PY } from "./assets/execute-notebook-py.js";
import { executionFailureSummary, parseCellProgress } from "./execution-failure.js";
import { jupyterEnv, KERNEL_NAME } from "./jupyter-tools.js";
import { retryIfKernelDidNotStart } from "./kernel-start-race.js";
import { type Notebook, parseNotebook } from "./notebook-json.js";
import { tagRemovalArgs } from "./removal-tags.js";

/** Options of {@link executeNotebook}. */
export interface ExecuteNotebookOptions {
  /** A Python with nbclient (from findJupyterPython). */
  python: string;
  /** Project root (its .jupyter-local holds the kernelspec). */
  root: string;
  /** The notebook's language, passed to the helpers as NSBOOK_LANG. */
  lang: string;
  /** The notebook to run (it is not changed). */
  notebookPath: string;
  /** Folder for the executed copy. */
  outputDir: string;
  /** Longest a single cell may run, in seconds. @default 600 */
  cellTimeoutSec?: number;
  /** Called as each code cell starts: its number and the count (1-based). */
  onCell?: (cell: number, cells: number) => void;
  /** Aborting stops the run; the kernel is shut down. */
  signal?: AbortSignal;
  /**
   * Called when the kernel did not start (Jupyter's start-up race, see KERNEL_START_FAILED) and the notebook
   * is about to be run once more, with the end of the first run's log.
   */
  onKernelRetry?: (firstFailure: string) => void;
}

/** How executing a notebook went. */
export type ExecuteOutcome = (
  | { ok: true; notebook: Notebook; executedPath: string; durationMs: number }
  /** Execution gave up (cell timeout, dead kernel, interrupt): no executed copy; `reason` is the log's end. */
  | { ok: false; reason: string; durationMs: number }
) & {
  /** Set when the kernel did not start the first time and the notebook was run again: that first failure. */
  kernelRetried?: string;
};

function lineSplitter(onLine: (line: string) => void): (text: string) => void {
  let rest = "";
  return (text) => {
    const lines = (rest + text).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) onLine(line);
  };
}

/**
 * Runs every cell of the notebook under the nsbook kernel, in the notebook's own folder (its imports are
 * relative to it). Errors in cells do not stop the run (tslab reports them as stderr text anyway, which
 * the caller reads from the executed copy); a cell timeout or a dead kernel does. A kernel that never
 * started (Jupyter's start-up race) gets one more try, announced through `onKernelRetry`; nothing else does.
 */
export async function executeNotebook(options: ExecuteNotebookOptions): Promise<ExecuteOutcome> {
  let firstFailure: string | undefined;
  const outcome = await retryIfKernelDidNotStart(
    () => executeNotebookOnce(options),
    (attempt) => (attempt.ok ? undefined : attempt.log),
    (log) => {
      firstFailure = executionFailureSummary(log) || log.slice(-600);
      options.onKernelRetry?.(firstFailure);
    },
  );
  const { log: _log, ...result } = outcome;
  return firstFailure === undefined ? result : { ...result, kernelRetried: firstFailure };
}

/** One run, with the whole log of a failed one (for the start-up race test). */
async function executeNotebookOnce(
  options: ExecuteNotebookOptions,
): Promise<ExecuteOutcome & { log?: string }> {
  const name = basename(options.notebookPath, ".ipynb");
  const executedPath = join(options.outputDir, `${name}.ipynb`);
  const onCell = options.onCell;
  const r = await runHost(
    [
      options.python,
      "-c",
      EXECUTE_NOTEBOOK_PY,
      options.notebookPath,
      executedPath,
      KERNEL_NAME,
      String(options.cellTimeoutSec ?? 600),
      "120",
    ],
    {
      what: `execute ${options.notebookPath}`,
      cwd: dirname(options.notebookPath),
      env: jupyterEnv(options.root, options.lang),
      allowFailure: true,
      signal: options.signal,
      onStderr: onCell
        ? lineSplitter((line) => {
            const p = parseCellProgress(line);
            if (p) onCell(p.cell, p.cells);
          })
        : undefined,
    },
  );
  if (r.failed) {
    const why = r.signal
      ? `execution was killed by ${r.signal}`
      : `execution ended with exit code ${r.exitCode}`;
    const summary = executionFailureSummary(r.stderr);
    return {
      ok: false,
      reason: summary ? `${why}:\n${summary}` : why,
      durationMs: r.durationMs,
      log: r.stderr,
    };
  }
  const notebook = parseNotebook(
    readFileSync(executedPath, "utf8"),
    `executed copy of ${options.notebookPath}`,
  );
  return { ok: true, notebook, executedPath, durationMs: r.durationMs };
}

/** Options of {@link exportHtml}. */
export interface ExportHtmlOptions {
  /** A Python with nbconvert. */
  python: string;
  /** The executed notebook. */
  executedPath: string;
  /** Folder nbconvert writes `<name>.html` to. */
  outputDir: string;
  /** Keep the exercises' answers (cells tagged `answer`). @default false */
  answers?: boolean;
  signal?: AbortSignal;
}

/**
 * nbconvert's HTML of an executed notebook (lab template: it inlines JupyterLab's CSS and embeds PNG
 * outputs as base64), without prompts, with the removal tags applied (answers removed unless `answers`).
 * Resolves with the HTML text.
 */
export async function exportHtml(options: ExportHtmlOptions): Promise<string> {
  const name = basename(options.executedPath, ".ipynb");
  await runHost(
    [
      options.python,
      "-m",
      "nbconvert",
      "--to",
      "html",
      "--template",
      "lab",
      "--no-prompt",
      ...tagRemovalArgs({ answers: options.answers }),
      "--output-dir",
      options.outputDir,
      "--output",
      name,
      options.executedPath,
    ],
    {
      what: `convert ${options.executedPath} to HTML`,
      env: { PYDEVD_DISABLE_FILE_VALIDATION: "1" },
      signal: options.signal,
    },
  );
  return readFileSync(join(options.outputDir, `${name}.html`), "utf8");
}
