// The course in JupyterLab, driven through chromium as a learner would (scripts/test-browser.sh starts Jupyter
// as a throw-away learner and runs this as root). Each step prints PASS/FAIL with its time; screenshots, the
// exported HTML and results.json go to NSBOOK_BROWSER_ARTIFACTS.
//
//   node --import tsx test/browser/course.e2e.ts [STEP...]     steps: see STEPS below (default: all)
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { markdownHeadings } from "../../src/kernel/out-of-order/explain.js";
import {
  acceptDialog,
  activeIndex,
  type CellOutput,
  cells,
  dismissToasts,
  isCode,
  kernelIdle,
  kernelOf,
  type Lab,
  launchChromium,
  lowContrastText,
  menu,
  notebookDirty,
  openFromFileBrowser,
  openLab,
  outputOf,
  running,
  selectCell,
  setTheme,
  shutDownAll,
  tableOfContents,
  themeSetting,
  toastTexts,
  toolbar,
  uiIdle,
  until,
  waitForCell,
} from "./jupyterlab.js";

function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run scripts/test-browser.sh`);
  return v;
}
const lab: Lab = {
  base: need("NSBOOK_BROWSER_URL"),
  token: need("NSBOOK_BROWSER_TOKEN"),
  artifacts: need("NSBOOK_BROWSER_ARTIFACTS"),
};
const clone = need("NSBOOK_BROWSER_CLONE");
mkdirSync(lab.artifacts, { recursive: true });

/** What one step found, for the summary and results.json. */
interface StepResult {
  step: string;
  ok: boolean;
  seconds: number;
  notes: string[];
  error?: string;
}
type Step = (page: Page, notes: string[]) => Promise<void>;

function fail(message: string): never {
  throw new Error(message);
}

async function shot(page: Page, name: string, at?: Locator, block: "start" | "end" = "start"): Promise<void> {
  await dismissToasts(page);
  // The cell at the top of the notebook's view: its outputs (a summary table, a chart) below it; or at the bottom,
  // when what matters is the end of its output.
  if (at) await at.evaluate((e, b) => e.scrollIntoView({ block: b }), block).catch(() => {});
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(lab.artifacts, `${name}.png`) });
}

/** Every container root sees, by name. */
function allContainers(): string[] {
  return execFileSync(join(clone, "bin", "nsbook"), ["ps", "-q"], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
}
/** Containers there before the steps (another user's, on a shared machine): not the steps' to answer for. */
const preexisting = new Set(allContainers());
/** This run's containers as root sees them: the test's own check that nothing is left behind. */
function containers(): string[] {
  return allContainers().filter((name) => !preexisting.has(name));
}
async function nothingLeft(what: string, timeoutMs = 20_000): Promise<void> {
  await until(`no container left ${what}`, async () => containers().length === 0, timeoutMs, 500).catch(() =>
    fail(`containers left ${what}: ${JSON.stringify(containers()).slice(0, 300)}`),
  );
}

interface NotebookRun {
  seconds: number;
  outputs: Map<number, CellOutput>;
  passed: string[];
  failed: string[];
  slowest: string;
}

/**
 * Runs the open notebook from its first cell to its last with Shift-Enter, waiting for each code cell as a
 * learner would. `during[i]` runs while code cell i runs.
 */
async function runCellByCell(
  page: Page,
  during: Record<number, (cell: Locator) => Promise<void>> = {},
  last?: number,
): Promise<NotebookRun> {
  const t0 = Date.now();
  const n = last === undefined ? await cells(page).count() : last + 1;
  await selectCell(page, 0);
  const outputs = new Map<number, CellOutput>();
  let slowest = { i: -1, ms: 0 };
  for (let i = 0; i < n; i++) {
    const active = await activeIndex(page);
    if (active !== i) fail(`Shift-Enter should have moved to cell ${i}, the active cell is ${active}`);
    const cell = cells(page).nth(i);
    const code = await isCode(cell);
    const t = Date.now();
    await page.keyboard.press("Shift+Enter");
    if (!code) continue;
    await during[i]?.(cell);
    await waitForCell(cell);
    const ms = Date.now() - t;
    if (ms > slowest.ms) slowest = { i, ms };
    outputs.set(i, await outputOf(cell));
  }
  const all = [...outputs.values()];
  return {
    seconds: (Date.now() - t0) / 1000,
    outputs,
    passed: all.flatMap((o) => o.passed),
    failed: all.flatMap((o) => o.failed),
    slowest: `cell ${slowest.i} ${(slowest.ms / 1000).toFixed(1)} s`,
  };
}

/** The run's self-checks all green, and no cell wrote to stderr. */
function expectGreen(run: NotebookRun, notes: string[], minChecks: number): void {
  notes.push(
    `${run.passed.length} ✓, ${run.failed.length} ✗, ${run.seconds.toFixed(0)} s cell by cell (slowest: ${run.slowest})`,
  );
  const stderr = [...run.outputs.entries()].filter(([, o]) => o.stderr.trim() !== "");
  for (const [i, o] of stderr) notes.push(`cell ${i} stderr: ${o.stderr.trim().slice(0, 300)}`);
  if (run.failed.length > 0) fail(`self-checks failed: ${run.failed.join(" | ").slice(0, 800)}`);
  if (run.passed.length < minChecks)
    fail(`only ${run.passed.length} self-checks ran (expected ${minChecks}+)`);
  if (stderr.length > 0) fail(`${stderr.length} cell(s) wrote to stderr`);
}

/** Index of the first code cell whose source contains `text`. */
async function cellWith(page: Page, text: string): Promise<number> {
  const i = await cells(page).evaluateAll(
    (els, t) =>
      els.findIndex((e) => e.classList.contains("jp-CodeCell") && (e.textContent ?? "").includes(t)),
    text,
  );
  return i >= 0 ? i : fail(`no code cell contains ${JSON.stringify(text)}`);
}

/**
 * The cell just above the first code cell containing `text`: the markdown that introduces it (its heading), so a
 * screenshot scrolled to it shows what the output is about.
 */
async function introOf(page: Page, text: string): Promise<Locator> {
  return cells(page).nth(Math.max(0, (await cellWith(page, text)) - 1));
}

async function openNotebook(page: Page, path: string): Promise<void> {
  await openLab(page, lab);
  await openFromFileBrowser(page, lab, path);
  const kernel = await kernelOf(lab, path);
  if (kernel?.name !== "nsbook") fail(`${path} started kernel ${kernel?.name}, not nsbook`);
  // The kernel has connected (its language_info reached the notebook): nothing has been edited yet.
  await uiIdle(page);
  if (await notebookDirty(page)) fail(`${path} is marked modified right after opening it`);
}

/** The markdown headings of a notebook file (levels 1-4, as JupyterLab's table of contents lists them). */
function headingsOf(path: string): string[] {
  const nb = JSON.parse(readFileSync(join(clone, "notebooks", path), "utf8")) as {
    cells: { cell_type: string; source: string | string[] }[];
  };
  return nb.cells
    .filter((c) => c.cell_type === "markdown")
    .flatMap((c) => markdownHeadings(Array.isArray(c.source) ? c.source.join("") : c.source, 4))
    .map((h) => h.replace(/[`*]/g, ""));
}

/** Samples the live chart's <img> while the hog cell runs: one output, its image changing in place. */
function liveChartProbe(samples: { outputs: number; src: string }[]): (cell: Locator) => Promise<void> {
  return async (cell) => {
    while (await running(cell)) {
      const s = await cell.evaluate((e) => ({
        outputs: e.querySelectorAll(".jp-OutputArea-child").length,
        src: e.querySelector(".jp-OutputArea-output img")?.getAttribute("src") ?? "",
      }));
      samples.push(s);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
}
function expectLive(samples: { outputs: number; src: string }[], notes: string[]): void {
  const shown = samples.filter((s) => s.src !== "");
  const distinct = new Set(shown.map((s) => s.src)).size;
  const most = Math.max(0, ...samples.map((s) => s.outputs));
  notes.push(
    `live chart: ${samples.length} samples, ${distinct} different images, at most ${most} output(s)`,
  );
  if (distinct < 3)
    fail(`the live chart did not update (${distinct} different images in ${samples.length} samples)`);
  if (most > 1) fail(`the live chart stacked ${most} outputs instead of updating one`);
}

/** The longest one step may take (ms): 06 cell by cell with its export takes ~30 s on 2 shared cores. */
const STEP_LIMIT_MS = 240_000;

const STEPS: Record<string, Step> = {
  /** The address `npm run course` prints opens notebook 00; it runs green cell by cell. */
  async "00-en"(page, notes) {
    await page.goto(`${lab.base}/?token=${lab.token}`);
    await until("the start page", async () => page.url().includes("/lab/tree/en/00-preflight.ipynb"), 30_000);
    await page.locator(".jp-NotebookPanel .jp-Cell").first().waitFor({ timeout: 60_000 });
    await kernelIdle(lab, "en/00-preflight.ipynb", 90_000);
    notes.push(`start page: ${new URL(page.url()).pathname}`);
    await shot(page, "00-start-page");
    const run = await runCellByCell(page);
    await shot(page, "00-summary", await introOf(page, "checksSummary()"));
    expectGreen(run, notes, 4);
  },

  async "02-en"(page, notes) {
    await openNotebook(page, "en/02-pid-namespace.ipynb");
    const run = await runCellByCell(page);
    await shot(page, "02-pid-mapping", await introOf(page, "showPidMapping(view"));
    expectGreen(run, notes, 5);
  },

  /** 06 cell by cell: the live memory chart updates in place, is saved, and is in JupyterLab's HTML export. */
  async "06-en"(page, notes) {
    const path = "en/06-cgroups.ipynb";
    await openNotebook(page, path);
    const hog = await cellWith(page, "const HOG");
    const samples: { outputs: number; src: string }[] = [];
    const probe = liveChartProbe(samples);
    const run = await runCellByCell(page, {
      [hog]: async (cell) => {
        const shotLater = (async () => {
          await page.waitForTimeout(1500);
          await shot(page, "06-live-chart-running", cell);
        })();
        await probe(cell);
        await shotLater;
      },
    });
    await shot(page, "06-live-chart-final", cells(page).nth(hog));
    expectLive(samples, notes);
    expectGreen(run, notes, 8);

    // File → Save, then the final image must be in the saved notebook.
    await page.keyboard.press("Control+s");
    await until("the notebook to be saved", async () => {
      const nb = JSON.parse(readFileSync(join(clone, "notebooks", path), "utf8"));
      const outputs = nb.cells.flatMap(
        (c: { outputs?: { data?: Record<string, unknown> }[] }) => c.outputs ?? [],
      );
      return outputs.some((o: { data?: Record<string, unknown> }) => o.data?.["image/png"] !== undefined);
    });
    const saved = JSON.parse(readFileSync(join(clone, "notebooks", path), "utf8"));
    const hogOutputs = saved.cells[hog].outputs as { output_type: string; data?: Record<string, unknown> }[];
    const pngs = hogOutputs.filter((o) => o.data?.["image/png"] !== undefined).length;
    notes.push(`saved notebook: the hog cell has ${hogOutputs.length} output(s), ${pngs} PNG`);
    if (pngs !== 1) fail(`the saved hog cell should hold one PNG (the chart's final state), has ${pngs}`);

    // File → Save and Export Notebook As → HTML: JupyterLab's own export, downloaded.
    let html: string;
    try {
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 120_000 }),
        (async () => {
          await menu(page, "File", "Save and Export Notebook As", "HTML");
          // "Export as HTML: Sanitize HTML output": the learner accepts the default.
          await acceptDialog(page);
        })(),
      ]);
      const file = join(lab.artifacts, "06-cgroups-export.html");
      await download.saveAs(file);
      html = readFileSync(file, "utf8");
      notes.push(`HTML export from the File menu: ${(html.length / 1024).toFixed(0)} KiB`);
    } catch (e) {
      notes.push(
        `the File menu's export could not be captured (${String(e).slice(0, 120)}): nbconvert's URL instead`,
      );
      const res = await fetch(`${lab.base}/nbconvert/html/${path}?download=true`, {
        headers: { Authorization: `token ${lab.token}` },
      });
      html = await res.text();
      writeFileSync(join(lab.artifacts, "06-cgroups-export.html"), html);
    }
    const charts = html.match(/data:image\/png;base64,/g)?.length ?? 0;
    notes.push(`the export holds ${charts} PNG image(s)`);
    if (charts < 2) fail(`the HTML export should hold the charts, has ${charts} PNG(s)`);
  },

  /**
   * Interrupt the memory hog with the toolbar's button: the kernel survives and the next cell runs. Then restart
   * the kernel mid-notebook (nothing left behind) and Restart & Run All: the page recovers, all green.
   */
  async "interrupt-restart"(page, notes) {
    const path = "en/06-cgroups.ipynb";
    await openNotebook(page, path);
    const hog = await cellWith(page, "const HOG");
    await runCellByCell(page, {}, hog - 1);
    const cell = cells(page).nth(hog);
    const t = Date.now();
    await page.keyboard.press("Shift+Enter");
    await page.waitForTimeout(1000);
    await toolbar(page, "interrupt");
    await waitForCell(cell, 30_000);
    const stopped = (Date.now() - t) / 1000;
    await kernelIdle(lab, path, 10_000);
    const after = await outputOf(cell);
    notes.push(
      `interrupt: the hog cell stopped ${stopped.toFixed(1)} s after it started; it shows: ${after.text.replace(/\s+/g, " ").slice(0, 200)}`,
    );
    await shot(page, "interrupt-hog", cell, "end");
    // One line in the notebook's language (src/kernel/interrupted.ts), not tslab's error with its stack trace.
    if (!/^\s*Interrupted — .*kernel is fine/m.test(after.text))
      fail(`the interrupted cell does not say it was interrupted: ${after.text.slice(0, 300)}`);
    if (/Interrupted asynchronously|\n\s*at \S+ \(/.test(after.text))
      fail(`the interrupted cell shows a stack trace: ${after.text.slice(0, 300)}`);
    // The next code cell runs in the same kernel.
    const next = await cellWith(page, "const hogCommand");
    await selectCell(page, next);
    await page.keyboard.press("Shift+Enter");
    await waitForCell(cells(page).nth(next), 60_000);
    const nextOut = await outputOf(cells(page).nth(next));
    notes.push(
      `the next cell ran after the interrupt: ${nextOut.text.replace(/\s+/g, " ").slice(0, 160) || "(no output)"}`,
    );
    if ((await kernelOf(lab, path))?.execution_state !== "idle")
      fail("the kernel is not idle after the interrupt");

    // Restart mid-notebook: a container of this notebook is running (the memory box).
    notes.push(`before the restart: ${containers().length} container(s) running`);
    const t1 = Date.now();
    await toolbar(page, "restart");
    await acceptDialog(page);
    await page.waitForTimeout(1000);
    await kernelIdle(lab, path, 60_000);
    // Clicking Restart & Run All 3 s after Restart broke JupyterLab's kernel connection once (jupyter_server:
    // "struct.error: unpack requires a buffer", the page's kernel "Unknown", cells stuck at [*]): a learner
    // looks at the page first, so wait until it says Idle again.
    await uiIdle(page);
    await nothingLeft("after the restart");
    await shot(page, "restart-idle");
    notes.push(`restart: kernel idle and no container left after ${((Date.now() - t1) / 1000).toFixed(1)} s`);

    // Restart & Run All.
    const t2 = Date.now();
    await toolbar(page, "restart-and-run");
    await acceptDialog(page);
    await page.waitForTimeout(2000);
    await until(
      "every cell to have run",
      async () => {
        const busy = await cells(page).evaluateAll((els) =>
          els.some((e) => (e.querySelector(".jp-InputArea-prompt")?.textContent ?? "").includes("*")),
        );
        return !busy && (await kernelOf(lab, path))?.execution_state === "idle";
      },
      300_000,
      500,
    );
    const all: CellOutput[] = [];
    const n = await cells(page).count();
    for (let i = 0; i < n; i++) all.push(await outputOf(cells(page).nth(i)));
    const passed = all.flatMap((o) => o.passed).length;
    const failed = all.flatMap((o) => o.failed);
    notes.push(
      `restart & run all: ${passed} ✓, ${failed.length} ✗ in ${((Date.now() - t2) / 1000).toFixed(0)} s`,
    );
    await shot(page, "restart-run-all-summary", await introOf(page, "checksSummary()"));
    if (failed.length > 0 || passed < 8) fail(`after restart & run all: ${failed.join(" | ").slice(0, 500)}`);
    await nothingLeft("after run all");
  },

  /** A cell run before the cells it needs, after a fresh start: what does the learner read? */
  async "out-of-order"(page, notes) {
    const path = "en/02-pid-namespace.ipynb";
    await openNotebook(page, path);
    const i = await cellWith(page, "const box = await startContainer");
    await selectCell(page, i);
    await page.keyboard.press("Shift+Enter");
    await waitForCell(cells(page).nth(i), 60_000);
    const out = await outputOf(cells(page).nth(i));
    const text = out.text.trim();
    notes.push(`cell ${i} run first shows: ${text.replace(/\s+/g, " ").slice(0, 400) || "(nothing)"}`);
    await shot(page, "out-of-order-02", cells(page).nth(i));
    // Which earlier cells declare what it uses (by number and heading) and the menu item that runs them.
    if (!/earlier cells? of this notebook/.test(text) || !/cell \d+, under “/.test(text))
      fail(`the message does not say which earlier cell to run: ${text.slice(0, 400)}`);
    if (!text.includes("Run ▸ Run All Above Selected Cell")) fail("the message does not name the menu item");
    if (text.includes("Cannot find name")) fail("TypeScript's 'Cannot find name' is still shown");
    await nothingLeft("after the out-of-order cell");

    // The advice works: Run ▸ Run All Above Selected Cell, then this cell again.
    await selectCell(page, i);
    await menu(page, "Run", "Run All Above Selected Cell");
    await until("the cells above to have run", async () => {
      const busy = await cells(page).evaluateAll((els) =>
        els.some((e) => (e.querySelector(".jp-InputArea-prompt")?.textContent ?? "").includes("*")),
      );
      return !busy && (await kernelOf(lab, path))?.execution_state === "idle";
    });
    await selectCell(page, i);
    await page.keyboard.press("Shift+Enter");
    await waitForCell(cells(page).nth(i), 60_000);
    const again = await outputOf(cells(page).nth(i));
    notes.push(`after Run All Above and this cell again: ${again.text.replace(/\s+/g, " ").slice(0, 160)}`);
    if (again.stderr.trim() !== "")
      fail(`the cell still fails after following the advice: ${again.stderr.slice(0, 300)}`);
  },

  /**
   * What a learner sees around the notebooks: no news pop-up, the kernel's logo and name in the launcher, the
   * notebook trusted and not marked modified, a table of contents that is the notebook's headings.
   */
  async "lab-polish"(page, notes) {
    await page.goto(`${lab.base}/lab?reset&token=${lab.token}`);
    await page.locator(".jp-DirListing-content").waitFor({ timeout: 60_000 });
    await page.waitForTimeout(3000); // JupyterLab asks about news a moment after it has loaded
    const toasts = await toastTexts(page);
    notes.push(`notifications after loading: ${toasts.length ? toasts.join(" | ").slice(0, 200) : "none"}`);
    if (toasts.some((t) => /news/i.test(t))) fail(`JupyterLab asks about news: ${toasts.join(" | ")}`);

    const card = page.locator(".jp-LauncherCard", { hasText: "nsbook (TypeScript)" }).first();
    await card.waitFor({ timeout: 10_000 });
    const logo = await card.locator("img").evaluate((img) => ({
      src: img.getAttribute("src") ?? "",
      width: (img as unknown as { naturalWidth: number }).naturalWidth,
    }));
    notes.push(`launcher: "nsbook (TypeScript)" with ${logo.src.split("?")[0]} (${logo.width} px)`);
    // JupyterLab takes the SVG when the kernelspec has one.
    if (!/\/kernelspecs\/nsbook\/logo-(svg\.svg|64x64\.png)/.test(logo.src) || logo.width === 0)
      fail(`the launcher shows no kernel logo: ${logo.src}`);
    await shot(page, "launcher");

    const path = "en/02-pid-namespace.ipynb";
    await openFromFileBrowser(page, lab, path);
    await uiIdle(page);
    if (await notebookDirty(page)) fail(`${path} is marked modified right after opening it`);
    const trust = await page
      .locator('.jp-StatusBar-Widget [title*="trusted" i], .jp-StatusBar-Widget [aria-label*="trusted" i]')
      .first()
      .evaluate((e) => e.getAttribute("title") ?? e.getAttribute("aria-label") ?? "")
      .catch(() => "(no trust indicator)");
    notes.push(`trust: ${trust}`);
    if (/not trusted/i.test(trust)) fail(`${path} is not trusted: ${trust}`);

    const toc = await tableOfContents(page);
    const headings = headingsOf(path);
    notes.push(`table of contents: ${toc.length} entries (${toc.slice(0, 3).join(" / ")} ...)`);
    await shot(page, "table-of-contents");
    if (JSON.stringify(toc) !== JSON.stringify(headings))
      fail(
        `the table of contents is not the notebook's headings:\n  toc: ${toc.join(" | ")}\n  md:  ${headings.join(" | ")}`,
      );
  },

  /** JupyterLab Dark: tables and charts stay readable (text contrast measured, screenshots to look at). */
  async dark(page, notes) {
    await openLab(page, lab);
    await setTheme(page, "JupyterLab Dark");
    try {
      await openFromFileBrowser(page, lab, "en/02-pid-namespace.ipynb");
      const run02 = await runCellByCell(page);
      expectGreen(run02, notes, 5);
      await shot(page, "dark-02-pid-table", await introOf(page, "showPidMapping(view"));
      const bad02 = await lowContrastText(page);
      await shutDownAll(lab);

      await openFromFileBrowser(page, lab, "en/06-cgroups.ipynb");
      const run06 = await runCellByCell(page);
      expectGreen(run06, notes, 8);
      await shot(page, "dark-06-chart", cells(page).nth(await cellWith(page, "const HOG")));
      const bad06 = await lowContrastText(page);
      const bad = [...bad02, ...bad06];
      notes.push(`text below 3:1 contrast in outputs: ${bad.length ? bad.slice(0, 8).join("; ") : "none"}`);
      if (bad.length > 0) fail(`${bad.length} output text(s) hard to read in the dark theme`);
    } finally {
      await themeSetting(lab, "JupyterLab Light");
    }
  },

  async "06-ja"(page, notes) {
    await openNotebook(page, "ja/06-cgroups.ipynb");
    const hog = await cellWith(page, "const HOG");
    const samples: { outputs: number; src: string }[] = [];
    const run = await runCellByCell(page, { [hog]: liveChartProbe(samples) });
    await shot(page, "06-ja-live-chart", cells(page).nth(hog));
    await shot(page, "06-ja-checks", await introOf(page, "checksSummary()"));
    expectLive(samples, notes);
    expectGreen(run, notes, 8);
  },

  async "07-en"(page, notes) {
    await openNotebook(page, "en/07-multiple-containers.ipynb");
    const run = await runCellByCell(page);
    await shot(page, "07-summary", await introOf(page, "checksSummary()"));
    expectGreen(run, notes, 3);
  },
};

/**
 * The fallback for machines without PyPI: Debian's classic notebook (6.x) served by `npm run course`
 * (scripts/test-browser.sh with NSBOOK_BROWSER_JUPYTER=classic).
 */
const CLASSIC_STEPS: Record<string, Step> = {
  /** The address `npm run course` prints opens notebook 00 in the classic UI; Cell ▸ Run All runs it green. */
  async "classic-00"(page, notes) {
    const path = "en/00-preflight.ipynb";
    await page.goto(`${lab.base}/?token=${lab.token}`);
    await until("the start page", async () => page.url().includes(`/notebooks/${path}`), 30_000);
    await page.locator("#notebook-container .cell").first().waitFor({ timeout: 60_000 });
    await until("the notebook's kernel", async () => kernelOf(lab, path), 60_000);
    // The page's kernel indicator, not /api/sessions: the classic notebook's server leaves execution_state at
    // "starting" for this kernel (seen with notebook 6.4.12), while the page knows it is idle.
    const idle = () =>
      page.locator("#kernel_indicator_icon").evaluate((e) => e.classList.contains("kernel_idle_icon"));
    await until("the page to show the kernel idle", idle, 90_000);
    const kernel = await kernelOf(lab, path);
    notes.push(`/api/sessions says the kernel is ${kernel?.execution_state}`);
    if (kernel?.name !== "nsbook") fail(`${path} started kernel ${kernel?.name}, not nsbook`);
    const shown = (await page.locator(".kernel_indicator_name").textContent())?.trim();
    notes.push(`start page: ${new URL(page.url()).pathname} (classic notebook), kernel shown as "${shown}"`);
    await shot(page, "classic-00-start-page");

    const t0 = Date.now();
    await page.locator("#celllink").click();
    await page.locator("#run_all_cells a").first().click();
    await page.waitForTimeout(1000);
    await until(
      "every cell to have run",
      async () => {
        const busy = await page
          .locator("#notebook-container .input_prompt")
          .evaluateAll((els) => els.some((e) => (e.textContent ?? "").includes("*")));
        return !busy && (await idle());
      },
      180_000,
      500,
    );
    const found = await page.locator("#notebook-container").evaluate((root) => {
      const passed: string[] = [];
      const failed: string[] = [];
      for (const c of root.querySelectorAll("[data-nsbook-check], .nsbook-check")) {
        const title = (c.textContent ?? "").trim().replace(/\s+/g, " ");
        const attr = c.getAttribute("data-nsbook-check");
        ((attr ? attr === "pass" : title.startsWith("✓")) ? passed : failed).push(title);
      }
      const stderr = [...root.querySelectorAll(".output_stderr")].map((e) => e.textContent ?? "").join("\n");
      return { passed, failed, stderr };
    });
    notes.push(
      `Cell ▸ Run All: ${found.passed.length} ✓, ${found.failed.length} ✗ in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    );
    const summary = page.locator("#notebook-container .code_cell", { hasText: "checksSummary()" }).first();
    await summary.evaluate((e) => e.scrollIntoView({ block: "start" })).catch(() => {});
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(lab.artifacts, "classic-00-summary.png") });
    if (found.stderr.trim() !== "") fail(`a cell wrote to stderr: ${found.stderr.trim().slice(0, 300)}`);
    if (found.failed.length > 0) fail(`self-checks failed: ${found.failed.join(" | ").slice(0, 500)}`);
    if (found.passed.length < 4) fail(`only ${found.passed.length} self-checks ran (expected 4+)`);
  },
};

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const steps = process.env.NSBOOK_BROWSER_JUPYTER === "classic" ? CLASSIC_STEPS : STEPS;
  for (const w of wanted) if (!(w in steps)) fail(`no step ${w}: one of ${Object.keys(steps).join(", ")}`);
  if (steps === STEPS) await themeSetting(lab, "JupyterLab Light");
  if (preexisting.size > 0)
    console.log(
      `[browser] ${preexisting.size} container(s) of others were there before the steps: not counted`,
    );
  const browser = await launchChromium();
  const results: StepResult[] = [];
  try {
    for (const [name, step] of Object.entries(steps)) {
      if (wanted.length > 0 && !wanted.includes(name)) continue;
      const context = await browser.newContext({
        viewport: { width: 1400, height: 900 },
        acceptDownloads: true,
      });
      const page = await context.newPage();
      const notes: string[] = [];
      const t0 = Date.now();
      let error: string | undefined;
      let timer: NodeJS.Timeout | undefined;
      try {
        // A step that hangs fails alone, with what it saw so far, instead of holding the whole run.
        await Promise.race([
          step(page, notes),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`the step took over ${STEP_LIMIT_MS / 1000} s`)),
              STEP_LIMIT_MS,
            );
          }),
        ]);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
        await page.screenshot({ path: join(lab.artifacts, `FAILED-${name}.png`) }).catch(() => {});
      } finally {
        clearTimeout(timer);
      }
      const result = { step: name, ok: !error, seconds: (Date.now() - t0) / 1000, notes, error };
      results.push(result);
      console.log(`${result.ok ? "PASS" : "FAIL"} ${name} (${result.seconds.toFixed(0)} s)`);
      for (const n of notes) console.log(`     ${n}`);
      if (error) console.log(`     ERROR: ${error}`);
      await context.close();
      await shutDownAll(lab).catch(() => {});
      await nothingLeft(`after ${name}`, 30_000).catch((e) => console.log(`     ${e.message}`));
    }
  } finally {
    await browser.close();
    writeFileSync(join(lab.artifacts, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  }
  const passed = results.filter((r) => r.ok).length;
  // One plain line for CI (.ci/run counts it with vitest's summaries).
  console.log(`[browser] steps: ${passed} passed, ${results.length - passed} failed`);
  return passed === results.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
