// Benchmark (not a test): the whole course executed headlessly under tslab, one notebook at a time, as the
// notebook tests and `nsbook handouts` run it. Baseline in the same run: a notebook with one trivial cell, so
// the table separates what Jupyter + the kernel cost from what the course's cells cost.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  cellFailures,
  ensureKernelspec,
  executeNotebook,
  findJupyterPython,
  findNotebooks,
  KERNEL_NAME,
} from "../src/handouts/index.js";

/** One notebook's run. */
export interface CourseBenchRow {
  notebook: string;
  ms: number;
  /** Failed cells, or the reason the run gave up. */
  problems: string[];
}

/** The whole course's run. */
export interface CourseBenchResult {
  baselineMs: number;
  rows: CourseBenchRow[];
  totalMs: number;
}

const TRIVIAL_NOTEBOOK = {
  cells: [
    {
      cell_type: "code",
      id: "trivial",
      metadata: {},
      source: ["1 + 1;"],
      outputs: [],
      execution_count: null,
    },
  ],
  metadata: {
    kernelspec: { name: KERNEL_NAME, display_name: "nsbook (TypeScript)", language: "typescript" },
  },
  nbformat: 4,
  nbformat_minor: 5,
};

/** Executes every notebook in notebooks/{en,ja} once, plus the one-cell baseline. */
export async function benchCourse(root = resolve(__dirname, "..", "..")): Promise<CourseBenchResult> {
  const python = await findJupyterPython(root);
  if (!python) throw new Error("no Python with nbclient: run ./setup.sh");
  await ensureKernelspec(root);
  const out = await mkdtemp(join(tmpdir(), "nsbook-bench-course-"));
  try {
    const run = async (lang: string, path: string) =>
      executeNotebook({ python, root, lang, notebookPath: path, outputDir: out });
    const trivialPath = join(out, "trivial.ipynb");
    await writeFile(trivialPath, JSON.stringify(TRIVIAL_NOTEBOOK));
    const baseline = await run("en", trivialPath);
    const rows: CourseBenchRow[] = [];
    for (const nb of findNotebooks(join(root, "notebooks"), ["en", "ja"])) {
      const r = await run(nb.lang, nb.path);
      const problems = r.ok
        ? cellFailures(r.notebook).map((f) => `cell ${f.cell}: ${f.errors.join(" ").slice(0, 120)}`)
        : [r.reason];
      rows.push({ notebook: `${nb.lang}/${nb.name}`, ms: r.durationMs, problems });
    }
    return { baselineMs: baseline.durationMs, rows, totalMs: rows.reduce((s, r) => s + r.ms, 0) };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** The table `npm run bench` prints. */
export function formatCourseBench(r: CourseBenchResult): string {
  const width = Math.max(...r.rows.map((row) => row.notebook.length), "one-cell baseline".length);
  const line = (name: string, ms: number, note = "") =>
    `${name.padEnd(width)}  ${(ms / 1000).toFixed(1).padStart(6)} s  ${(ms / r.baselineMs).toFixed(1).padStart(5)}x  ${note}`;
  return [
    `the course executed headlessly under tslab (${r.rows.length} notebooks, one at a time)`,
    `${"notebook".padEnd(width)}  ${"time".padStart(8)}  ${"vs base".padStart(6)}`,
    line("one-cell baseline", r.baselineMs),
    ...r.rows.map((row) =>
      line(row.notebook, row.ms, row.problems.length ? `FAILED: ${row.problems.join("; ")}` : ""),
    ),
    line("whole course", r.totalMs),
  ].join("\n");
}
