// `nsbook handouts --lang en --pdf` end to end: the built CLI executes every English notebook under the
// real tslab kernel, writes HTML and PDF handouts and the index page. Slow (it runs the course), so it
// lives in the notebooks group.
import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildNotebook, parseBilingualSource } from "../../scripts/notebooks/bilingual-source.js";
import {
  buildHandouts,
  executeNotebook,
  findJupyterPython,
  type HandoutsEvent,
  parsePdfinfoPages,
} from "../../src/handouts/index.js";
import {
  needChromium,
  needJupyterPython,
  needPdfinfo,
  pdfinfo,
} from "../integration/handouts/handout-tools.js";
import { all, describeWhen, needPath } from "../support/requirements.js";
import { needRootKernel } from "./support/jupyter.js";

const ROOT = resolve(__dirname, "..", "..");
const EN = join(ROOT, "notebooks", "en");
const english = existsSync(EN)
  ? readdirSync(EN)
      .filter((f) => f.endsWith(".ipynb"))
      .sort()
  : [];

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((done) => {
    execFile(
      join(ROOT, "bin", "nsbook"),
      args,
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        done({ code, stdout, stderr, ms: performance.now() - started });
      },
    );
  });
}

describeWhen(
  all(
    // The course notebooks create namespaces and cgroups: with a root kernel, like the notebook tests.
    needRootKernel(),
    needJupyterPython(),
    needChromium(),
    needPdfinfo(),
    needPath(join(ROOT, "dist", "handouts", "index.js"), "run `npm run build` first (npm test does)"),
    { ok: english.length > 0, reason: `needs notebooks in ${EN}` },
  ),
  "nsbook handouts --lang en --pdf",
  () => {
    let out: string;
    let run: Awaited<ReturnType<typeof runCli>>;

    beforeAll(async () => {
      out = mkdtempSync(join(tmpdir(), "nsbook-handouts-e2e-"));
      run = await runCli(["handouts", "--lang", "en", "--pdf", "--out", out]);
      process.stdout.write(
        `\nnsbook handouts --lang en --pdf: ${(run.ms / 1000).toFixed(1)} s\n${run.stdout}`,
      );
    });

    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it("runs every English notebook cleanly and exits 0", () => {
      expect(run.stderr).toBe("");
      expect(run.code, run.stdout).toBe(0);
    });

    it("shows progress for each notebook", () => {
      english.forEach((f, i) => {
        expect(run.stdout).toContain(`[${i + 1}/${english.length}] en/${basename(f, ".ipynb")} ... ok (run `);
      });
    });

    it("writes a self-contained HTML handout per notebook, without prompts", () => {
      for (const f of english) {
        const html = readFileSync(join(out, "en", `${basename(f, ".ipynb")}.html`), "utf8");
        expect(html).not.toMatch(/In&nbsp;\[|In \[ \]/);
        expect(html).not.toMatch(/<script[^>]*\bsrc=|<link[^>]*stylesheet|MathJax\.js|x-mathjax-config/i);
        expect(html).toContain('<html lang="en"');
      }
    });

    it("embeds the charts as PNG data", () => {
      const withPng = english.filter((f) =>
        readFileSync(join(out, "en", `${basename(f, ".ipynb")}.html`), "utf8").includes(
          "data:image/png;base64,",
        ),
      );
      expect(withPng.length).toBeGreaterThan(0);
    });

    it("prints each handout to an A4 PDF of at least one page", () => {
      for (const f of english) {
        const info = pdfinfo(join(out, "en", `${basename(f, ".ipynb")}.pdf`));
        expect(parsePdfinfoPages(info)).toBeGreaterThanOrEqual(1);
        expect(info).toMatch(/Page size:.*\(A4\)/);
      }
    });

    it("writes an index linking every handout's HTML and PDF", () => {
      const index = readFileSync(join(out, "index.html"), "utf8");
      for (const f of english) {
        const name = basename(f, ".ipynb");
        expect(index).toContain(`href="en/${name}.html"`);
        expect(index).toContain(`href="en/${name}.pdf"`);
      }
      expect(index).not.toContain("✗ failed");
    });
  },
);

/** A notebook file of code cells, as committed (no outputs). */
function writeNotebook(path: string, cells: string[]): void {
  const nb = {
    cells: cells.map((source, i) => ({
      cell_type: i === 0 && source.startsWith("#") ? "markdown" : "code",
      id: `cell-${i + 1}`,
      metadata: {},
      source,
      ...(i === 0 && source.startsWith("#") ? {} : { execution_count: null, outputs: [] }),
    })),
    metadata: { kernelspec: { name: "nsbook", display_name: "nsbook (TypeScript)", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  writeFileSync(path, JSON.stringify(nb));
}

/** Pids of the kernels whose parent's parent is this test process (started for it by the Python driver). */
function ourKernels(): number[] {
  const parentOf = (pid: string): string | undefined => {
    try {
      return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1];
    } catch {
      return undefined;
    }
  };
  return readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        // The kernel Jupyter started: bin/nsbook-kernel (in front of a root kernel's sudo), the run-kernel.sh it
        // becomes, or the course kernel it starts (dist/kernel/main.js, which runs tslab in-process).
        const cmdline = readFileSync(`/proc/${p}/cmdline`, "utf8");
        if (!/tslab|nsbook-kernel|run-kernel\.sh|dist\/kernel\/main\.js/.test(cmdline)) return false;
      } catch {
        return false;
      }
      const parent = parentOf(p);
      return parent !== undefined && parentOf(parent) === String(process.pid);
    })
    .map(Number);
}

const isRunning = (pid: number): boolean => {
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};

describeWhen(
  all(
    needJupyterPython(),
    needPath(join(ROOT, "dist", "handouts", "index.js"), "run `npm run build` first (npm test does)"),
  ),
  "handouts from notebooks that fail or are stopped",
  () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "nsbook-handouts-fail-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("names the failing cell and its error, goes on with the next notebook, and marks it failed in the index", async () => {
      const nbs = join(dir, "notebooks");
      mkdirSync(join(nbs, "en"), { recursive: true });
      writeNotebook(join(nbs, "en", "01-broken.ipynb"), [
        "# 01 · Broken on purpose",
        'console.log("fine");',
        '// this one throws\nthrow new Error("deliberate failure");',
      ]);
      writeNotebook(join(nbs, "en", "02-fine.ipynb"), ["# 02 · Fine", 'console.log("ok");']);
      const events: HandoutsEvent[] = [];
      const report = await buildHandouts({
        langs: ["en"],
        notebooksDir: nbs,
        outDir: join(dir, "out"),
        onEvent: (e) => events.push(e),
      });
      expect(report.ok).toBe(false);
      const [broken, fine] = report.handouts;
      expect(broken?.failures.map((f) => [f.cell, f.firstLine])).toEqual([[3, "// this one throws"]]);
      expect(broken?.failures[0]?.errors.join("\n")).toContain("Error: deliberate failure");
      expect(broken?.htmlPath && existsSync(broken.htmlPath)).toBe(true);
      expect(fine?.ok).toBe(true);
      expect(events.filter((e) => e.type === "cell").length).toBeGreaterThanOrEqual(3);
      const index = readFileSync(report.indexPath, "utf8");
      expect(index).toContain("01 · Broken on purpose");
      expect(index).toContain("✗ failed (cell 3)");
      expect(index).toContain("02 · Fine");
    });

    it("leaves the answers out of the students' copy and keeps them in the instructor's, for the notebooks asked for", async () => {
      const nbs = join(dir, "answers-notebooks");
      mkdirSync(join(nbs, "en"), { recursive: true });
      const source = [
        "%% md:en id=title\n# 01 · Exercises\n%% md:ja id=title\n# 01 · 練習",
        "%% md:en id=ex1\nPredict, then run.\n%% md:ja id=ex1\n予想してから実行。",
        '%% code id=ex1-run\nconsole.log("the question");',
        "%% md:en id=ex1-answer tags=answer\n**Answer: SECRET-ANSWER.**\n%% md:ja id=ex1-answer tags=answer\n答え",
      ].join("\n");
      const nb = buildNotebook(parseBilingualSource(source), "en");
      writeFileSync(join(nbs, "en", "01-exercises.ipynb"), JSON.stringify(nb));
      writeNotebook(join(nbs, "en", "02-other.ipynb"), ["# 02 · Other", 'console.log("ok");']);
      const students = await buildHandouts({
        langs: ["en"],
        notebooksDir: nbs,
        outDir: join(dir, "students"),
      });
      const instructor = await buildHandouts({
        langs: ["en"],
        notebooksDir: nbs,
        outDir: join(dir, "instructor"),
        answers: true,
        only: ["01"],
      });
      expect(students.ok && instructor.ok).toBe(true);
      expect(students.handouts.map((h) => h.name)).toEqual(["01-exercises", "02-other"]);
      expect(instructor.handouts.map((h) => h.name)).toEqual(["01-exercises"]);
      const studentHtml = readFileSync(join(dir, "students", "en", "01-exercises.html"), "utf8");
      const instructorHtml = readFileSync(join(dir, "instructor", "en", "01-exercises.html"), "utf8");
      expect(studentHtml).toContain("the question");
      expect(studentHtml).not.toContain("SECRET-ANSWER");
      expect(instructorHtml).toContain("SECRET-ANSWER");
      expect(instructorHtml).toContain("with answers");
      expect(readFileSync(instructor.indexPath, "utf8")).toContain("nsbook handouts with answers");
    });

    it("stops a notebook when aborted and leaves no kernel running", async () => {
      const path = join(dir, "slow.ipynb");
      writeNotebook(path, ['console.log("start");', "await new Promise((r) => setTimeout(r, 60_000));"]);
      const python = await findJupyterPython(ROOT);
      const controller = new AbortController();
      let kernels: number[] = [];
      const outcome = await executeNotebook({
        python: python as string,
        root: ROOT,
        lang: "en",
        notebookPath: path,
        outputDir: dir,
        onCell: (cell) => {
          if (cell === 2) {
            kernels = ourKernels();
            setTimeout(() => controller.abort(), 500);
          }
        },
        signal: controller.signal,
      });
      expect(outcome.ok).toBe(false);
      expect(kernels.length).toBe(1);
      expect(kernels.filter(isRunning)).toEqual([]);
    });
  },
);
