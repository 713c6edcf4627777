// `nsbook handouts`: execute each notebook, write its HTML handout (and PDF), then the index page.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { NsbookError } from "../lib/index.js";
import { type CellFailure, cellFailures } from "./cell-failures.js";
import { chromiumMissing, findChromium, pdfPageCount, printPdf } from "./chromium-pdf.js";
import { findNotebooks, type NotebookToRun, notebookMatches, selectLangs } from "./find-notebooks.js";
import { finishHandoutHtml } from "./finish-html.js";
import { formatManifest, type HandoutEntry, mergeEntries, parseManifest } from "./handout-entry.js";
import { renderIndexPage } from "./index-page.js";
import { ensureKernelspec, findJupyterPython, JUPYTER_MISSING } from "./jupyter-tools.js";
import { notebookTitle } from "./notebook-title.js";
import { executeNotebook, exportHtml } from "./run-jupyter.js";

/** The checkout this module belongs to (src/handouts or dist/handouts, two folders down). */
const PROJECT_ROOT = resolve(__dirname, "..", "..");

/** Options of {@link buildHandouts}. */
export interface HandoutsOptions {
  /** Project root: its .jupyter-local kernelspec, dist/ and notebooks/. @default this checkout */
  root?: string;
  /** Languages to make handouts for. @default ["ja", "en"] */
  langs?: readonly string[];
  /** Print each handout to PDF with headless Chromium too. @default false */
  pdf?: boolean;
  /**
   * The instructor's copy: keep the exercises' answers (cells tagged `answer`), which the students' copy
   * leaves out. @default false
   */
  answers?: boolean;
  /** Only these notebooks: names or their leading part ("01", "02-pid-namespace"). @default every notebook */
  only?: readonly string[];
  /** Output folder (created). @default <root>/handouts, or <root>/handouts/answers with `answers` */
  outDir?: string;
  /** Folder holding one notebook folder per language. @default <root>/notebooks */
  notebooksDir?: string;
  /** Longest one cell may run, in seconds. @default 600 */
  cellTimeoutSec?: number;
  /** Progress: called as each notebook starts and ends, and with notes. @default nothing */
  onEvent?: (event: HandoutsEvent) => void;
  /** Aborting stops after killing the notebook that runs. */
  signal?: AbortSignal;
  /** The time shown on the pages. @default new Date() */
  now?: Date;
}

/** What happened to one notebook. */
export interface HandoutResult {
  lang: string;
  name: string;
  notebookPath: string;
  /** The notebook's first heading (the file name when it could not run). */
  title: string;
  /** Cells that failed (error output, stderr text, failed self-check). */
  failures: CellFailure[];
  /** Why execution gave up on the whole notebook (cell timeout, dead kernel); no handout then. */
  runError?: string;
  /** The kernel did not start the first time (Jupyter's start-up race) and the notebook ran again: why. */
  kernelRetried?: string;
  /** Why nbconvert could not export the executed notebook to HTML. */
  htmlError?: string;
  /** Why printing the PDF failed. */
  pdfError?: string;
  /** The handout page, when written. */
  htmlPath?: string;
  /** The PDF, when printed. */
  pdfPath?: string;
  /** PDF pages, when pdfinfo is installed. */
  pages?: number;
  /** Milliseconds executing, exporting HTML, printing the PDF. */
  runMs: number;
  htmlMs: number;
  pdfMs: number;
  /** Ran cleanly and every requested file was written. */
  ok: boolean;
}

/** Progress of {@link buildHandouts}. */
export type HandoutsEvent =
  | { type: "note"; message: string }
  | { type: "start"; index: number; total: number; lang: string; name: string }
  /** A code cell of the notebook that runs starts (`cell` of `cells`, 1-based). */
  | { type: "cell"; index: number; total: number; lang: string; name: string; cell: number; cells: number }
  | { type: "done"; index: number; total: number; result: HandoutResult };

/** The outcome of a run. */
export interface HandoutsReport {
  outDir: string;
  indexPath: string;
  handouts: HandoutResult[];
  /** Set when PDFs were asked for but could not be printed at all (no Chromium), saying what to install. */
  pdfUnavailable?: string;
  /** Every handout ran cleanly and every requested file was written. */
  ok: boolean;
}

function userFacing(message: string): NsbookError {
  return new NsbookError("handouts", message);
}

const relative = (n: NotebookToRun, ext: string): string => `${n.lang}/${n.name}.${ext}`;

async function makeHandout(
  n: NotebookToRun,
  ctx: {
    root: string;
    python: string;
    chromium?: string;
    emitCell: (cell: number, cells: number) => void;
    emitNote: (message: string) => void;
    outDir: string;
    workDir: string;
    options: HandoutsOptions;
    madeAt: string;
  },
): Promise<HandoutResult> {
  const result: HandoutResult = {
    lang: n.lang,
    name: n.name,
    notebookPath: n.path,
    title: n.name,
    failures: [],
    runMs: 0,
    htmlMs: 0,
    pdfMs: 0,
    ok: false,
  };
  const work = join(ctx.workDir, n.lang);
  mkdirSync(work, { recursive: true });
  const executed = await executeNotebook({
    python: ctx.python,
    root: ctx.root,
    lang: n.lang,
    notebookPath: n.path,
    outputDir: work,
    cellTimeoutSec: ctx.options.cellTimeoutSec,
    onCell: ctx.emitCell,
    signal: ctx.options.signal,
    onKernelRetry: (firstFailure) =>
      ctx.emitNote(
        `the kernel for ${relative(n, "ipynb")} did not start (Jupyter's start-up race: a port it was ` +
          `given was taken before it could bind it); running the notebook once more. The first try ended with:\n${firstFailure}`,
      ),
  });
  result.runMs = executed.durationMs;
  if (executed.kernelRetried !== undefined) result.kernelRetried = executed.kernelRetried;
  if (!executed.ok) {
    result.runError = executed.reason;
    return result;
  }
  result.failures = cellFailures(executed.notebook);
  result.title = notebookTitle(executed.notebook, n.name);

  const htmlStarted = performance.now();
  let raw: string;
  try {
    raw = await exportHtml({
      python: ctx.python,
      executedPath: executed.executedPath,
      outputDir: work,
      answers: ctx.options.answers,
      signal: ctx.options.signal,
    });
  } catch (e) {
    if (ctx.options.signal?.aborted) throw e;
    result.htmlError = e instanceof Error ? e.message : String(e);
    return result;
  }
  const html = finishHandoutHtml(raw, {
    title: result.title,
    lang: n.lang,
    headerLeft: `nsbook · ${n.lang}/${n.name}${ctx.options.answers ? (n.lang === "ja" ? " · 解答付き" : " · with answers") : ""}`,
    headerRight: ctx.madeAt,
  });
  result.htmlPath = join(ctx.outDir, relative(n, "html"));
  mkdirSync(join(ctx.outDir, n.lang), { recursive: true });
  writeFileSync(result.htmlPath, html);
  result.htmlMs = performance.now() - htmlStarted;

  const pdfPath = join(ctx.outDir, relative(n, "pdf"));
  if (ctx.chromium) {
    try {
      result.pdfMs = await printPdf({ chromium: ctx.chromium, htmlPath: result.htmlPath, pdfPath });
      result.pdfPath = pdfPath;
      result.pages = await pdfPageCount(pdfPath);
    } catch (e) {
      result.pdfError = e instanceof Error ? e.message : String(e);
    }
  } else {
    // A PDF left from an earlier run would no longer match the new HTML.
    rmSync(pdfPath, { force: true });
  }
  result.ok = result.failures.length === 0 && !result.pdfError;
  return result;
}

function entryOf(r: HandoutResult, outDir: string): HandoutEntry | undefined {
  if (!r.htmlPath) return undefined;
  const rel = (p: string) => p.slice(outDir.length + 1);
  return {
    lang: r.lang,
    name: r.name,
    title: r.title,
    html: rel(r.htmlPath),
    pdf: r.pdfPath ? rel(r.pdfPath) : undefined,
    pages: r.pages,
    ok: r.failures.length === 0,
    failedCells: r.failures.map((f) => f.cell),
    runSeconds: Math.round(r.runMs / 100) / 10,
  };
}

function writeIndex(
  outDir: string,
  langs: readonly string[],
  results: HandoutResult[],
  madeAt: string,
  options: HandoutsOptions,
): string {
  const manifestPath = join(outDir, "handouts.json");
  const previous = existsSync(manifestPath) ? parseManifest(readFileSync(manifestPath, "utf8")) : [];
  const current = results.map((r) => entryOf(r, outDir)).filter((e): e is HandoutEntry => e !== undefined);
  const entries = mergeEntries(
    previous,
    current,
    langs,
    (e) => existsSync(join(outDir, e.html)),
    (name) => notebookMatches(name, options.only),
  );
  writeFileSync(manifestPath, formatManifest(entries, madeAt));
  const indexPath = join(outDir, "index.html");
  writeFileSync(indexPath, renderIndexPage(entries, { generatedAt: madeAt, answers: options.answers }));
  return indexPath;
}

/** A date and time a reader understands anywhere: "2025-01-31 14:05 UTC+09:00". */
export function formatMadeAt(d: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, "0");
  const offset = -d.getTimezoneOffset();
  const zone = `UTC${offset < 0 ? "-" : "+"}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())} ${zone}`;
}

/**
 * Executes every notebook of the chosen languages headlessly under the nsbook kernel and writes a
 * self-contained HTML handout per notebook (and a PDF with `pdf`), then `index.html`. A failing notebook
 * does not stop the others: its handout is still written (marked failed in the index) and the report
 * names its failed cells. Throws (an NsbookError) only when nothing can run: no notebooks, no Jupyter, no build.
 */
export async function buildHandouts(options: HandoutsOptions = {}): Promise<HandoutsReport> {
  const root = resolve(options.root ?? PROJECT_ROOT);
  const langs = options.langs ? options.langs.map((l) => selectLangs(l)[0] as string) : selectLangs("all");
  const outDir = resolve(options.outDir ?? join(root, "handouts", ...(options.answers ? ["answers"] : [])));
  const notebooksDir = resolve(options.notebooksDir ?? join(root, "notebooks"));
  const emit = options.onEvent ?? (() => {});
  const madeAt = formatMadeAt(options.now ?? new Date());

  const notebooks = findNotebooks(notebooksDir, langs, options.only);
  if (notebooks.length === 0) {
    const which = options.only && options.only.length > 0 ? ` named ${options.only.join(", ")}` : "";
    throw userFacing(
      `no notebooks${which} to make handouts from: ${langs.map((l) => join(notebooksDir, l, "*.ipynb")).join(", ")} match nothing`,
    );
  }
  if (!existsSync(join(root, "dist", "kernel-helpers", "index.js"))) {
    throw userFacing(
      `the notebooks import the compiled library, which is not built: run \`npm run build\` in ${root}`,
    );
  }
  const python = await findJupyterPython(root);
  if (!python) throw userFacing(JUPYTER_MISSING);
  const wroteSpec = await ensureKernelspec(root);
  if (wroteSpec) emit({ type: "note", message: wroteSpec });

  let chromium: string | undefined;
  let pdfUnavailable: string | undefined;
  if (options.pdf) {
    chromium = findChromium();
    if (!chromium) {
      pdfUnavailable = chromiumMissing();
      emit({ type: "note", message: `PDF: ${pdfUnavailable}. Writing the HTML handouts only.` });
    }
  }

  mkdirSync(outDir, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), "nsbook-handouts-"));
  const results: HandoutResult[] = [];
  try {
    for (const [i, n] of notebooks.entries()) {
      options.signal?.throwIfAborted();
      const at = { index: i + 1, total: notebooks.length, lang: n.lang, name: n.name };
      emit({ type: "start", ...at });
      const emitCell = (cell: number, cells: number) => emit({ type: "cell", ...at, cell, cells });
      const result = await makeHandout(n, {
        root,
        python,
        chromium,
        emitCell,
        emitNote: (message) => emit({ type: "note", message }),
        outDir,
        workDir,
        options,
        madeAt,
      });
      results.push(result);
      emit({ type: "done", index: i + 1, total: notebooks.length, result });
      options.signal?.throwIfAborted();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const indexPath = writeIndex(outDir, langs, results, madeAt, options);
  return {
    outDir,
    indexPath,
    handouts: results,
    pdfUnavailable,
    ok: results.every((r) => r.ok) && !pdfUnavailable,
  };
}
