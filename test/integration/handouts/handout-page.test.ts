// The handout page end to end without a kernel: a notebook with outputs already in it goes through the
// real nbconvert (lab template, removal tags), nsbook's finishing, and the real Chromium.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createCanvas } from "canvas";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  exportHtml,
  findChromium,
  findJupyterPython,
  finishHandoutHtml,
  type Notebook,
  parsePdfinfoPages,
  printPdf,
} from "../../../src/handouts/index.js";
import { all, describeWhen } from "../../support/requirements.js";
import { needChromium, needJupyterPython, needPdfinfo, overflowIn, pdfinfo } from "./handout-tools.js";

const ROOT = resolve(__dirname, "..", "..", "..");

function chartPng(): string {
  const canvas = createCanvas(900, 360);
  const g = canvas.getContext("2d");
  g.fillStyle = "#fff";
  g.fillRect(0, 0, 900, 360);
  g.fillStyle = "#0969da";
  for (let i = 0; i < 9; i++) g.fillRect(30 + i * 95, 340 - 30 * (i + 1), 70, 30 * (i + 1));
  return canvas.toBuffer("image/png").toString("base64");
}

const PATH_CELL = "/sys/fs/cgroup/memory/process_api/nsbook-0123456789abcdef0123456789abcdef";
const WIDE_TABLE = `<table><thead><tr>${Array.from({ length: 12 }, (_, j) => `<th>column ${j} 列</th>`).join("")}</tr></thead><tbody>${Array.from({ length: 4 }, () => `<tr>${Array.from({ length: 12 }, () => `<td>${PATH_CELL}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
const LONG_LINE = `const argv = [${Array.from({ length: 30 }, (_, i) => `"--flag-${i}"`).join(", ")}]; // END-OF-LONG-LINE`;

function cell(source: string, outputs: unknown[], tags: string[] = []) {
  return {
    cell_type: "code",
    execution_count: null,
    id: `c${Math.random().toString(36).slice(2, 8)}`,
    metadata: { tags },
    outputs,
    source,
  };
}

/** A notebook as it looks after a tslab run (no execution counts, outputs present). */
function fixture(): Notebook {
  return {
    cells: [
      {
        cell_type: "markdown",
        id: "md1",
        metadata: {},
        source: "# 01 · サンプル：表とグラフ\n\n`$HOME` と $PATH の例。日本語の段落です。",
      },
      cell(LONG_LINE, [{ output_type: "stream", name: "stdout", text: [`${"x".repeat(400)}\n`] }]),
      cell("showHtml(wideTable);", [
        { output_type: "display_data", metadata: {}, data: { "text/html": [WIDE_TABLE] } },
      ]),
      cell(
        "drawChart(); // REMOVED-INPUT",
        [{ output_type: "display_data", metadata: {}, data: { "image/png": chartPng() } }],
        ["remove-input"],
      ),
      cell(
        "cleanup(); // REMOVED-CELL",
        [{ output_type: "stream", name: "stdout", text: ["REMOVED-CELL-OUTPUT\n"] }],
        ["remove-cell"],
      ),
      cell(
        "noisy(); // KEPT-INPUT",
        [{ output_type: "stream", name: "stdout", text: ["REMOVED-OUTPUT\n"] }],
        ["remove-output"],
      ),
    ],
    metadata: {
      kernelspec: { name: "nsbook", display_name: "nsbook (TypeScript)", language: "typescript" },
      language_info: { name: "typescript", file_extension: ".ts", mimetype: "text/typescript" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  } as Notebook;
}

describeWhen(
  all(needJupyterPython(), needChromium(), needPdfinfo()),
  "a handout page from nbconvert through Chromium",
  () => {
    let dir: string;
    let raw: string;
    let page: string;
    let pdf: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "nsbook-handouts-it-"));
      mkdirSync(join(dir, "work"));
      const executedPath = join(dir, "work", "01-sample.ipynb");
      writeFileSync(executedPath, JSON.stringify(fixture()));
      const python = await findJupyterPython(ROOT);
      if (!python) throw new Error("Jupyter's Python vanished");
      raw = await exportHtml({ python, executedPath, outputDir: join(dir, "work") });
      page = finishHandoutHtml(raw, {
        title: "01 · サンプル",
        lang: "ja",
        headerLeft: "nsbook · ja/01-sample",
        headerRight: "today",
      });
      const htmlPath = join(dir, "01-sample.html");
      writeFileSync(htmlPath, page);
      pdf = join(dir, "01-sample.pdf");
      await printPdf({ chromium: findChromium() as string, htmlPath, pdfPath: pdf });
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("shows no In [ ] prompts", () => {
      expect(page).not.toMatch(/In&nbsp;\[|In \[ \]/);
    });

    it("embeds the PNG output as base64", () => {
      expect(page).toMatch(/<img [^>]*src="data:image\/png;base64,iVBORw0KGgo/);
    });

    it("leaves out cells tagged remove-cell, the code of remove-input and the output of remove-output", () => {
      expect(page).not.toContain("REMOVED-CELL");
      expect(page).not.toContain("REMOVED-INPUT");
      expect(page).not.toContain("REMOVED-OUTPUT");
      expect(page).toContain("KEPT-INPUT");
    });

    it("loads nothing from elsewhere and does not let MathJax read $HOME ... $PATH as math", () => {
      // What the template emits on its own: MathJax.js (Debian's nbconvert 6) or cdnjs's mathjax/<version>/ (7).
      expect(raw).toMatch(/MathJax\.js|\/mathjax\/\d/);
      expect(page).not.toMatch(
        /<script[^>]*\bsrc=|<link[^>]*stylesheet|MathJax\.js|\/mathjax\/\d|x-mathjax-config/i,
      );
      expect(page).toContain("$PATH");
    });

    it("fits the wide table, the long code line and the long output into the page: nothing scrolls or sticks out", async () => {
      expect(await overflowIn(raw)).not.toBe("none"); // the template alone scrolls or overflows
      expect(await overflowIn(page)).toBe("none");
    });

    it("prints an A4 PDF", () => {
      const info = pdfinfo(pdf);
      expect(parsePdfinfoPages(info)).toBeGreaterThanOrEqual(1);
      expect(info).toMatch(/Page size:.*\(A4\)/);
    });
  },
);
