import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { declaredNames } from "../../../src/kernel/out-of-order/declarations.js";
import {
  explainMissingNames,
  headingAbove,
  markdownHeadings,
} from "../../../src/kernel/out-of-order/explain.js";
import { missingName } from "../../../src/kernel/out-of-order/missing-names.js";
import {
  findNotebookOf,
  type NotebookFile,
  notebookLang,
} from "../../../src/kernel/out-of-order/notebook-file.js";

const md = (source: string) => ({ type: "markdown", source });
const code = (source: string) => ({ type: "code", source });

// A notebook shaped like the course's: helpers loaded, a name set, a container started, then used.
const notebook: NotebookFile = {
  path: "/x/notebooks/en/02-pid.ipynb",
  cells: [
    md("# 02 · PID namespace"),
    md("## 1. Load the helpers\n\nThe first cell loads..."),
    code('import { startContainer, showLaunch } from "../../dist/kernel-helpers/index.js";'),
    code('const NAME = "nsbook-nb02";\nconst step = courseStep(2);'),
    md("## 4. Start a container"),
    code(
      "const box = await startContainer({ name: NAME, namespaces: step.namespaces });\nawait showLaunch(box);",
    ),
    md("## 5. Two PIDs per process"),
    code("const view = await readProcessesSeenBy(box.pid);"),
  ],
};

describe("the names a cell declares", () => {
  it("finds const/let, destructuring, functions, classes, types and imports", () => {
    const names = declaredNames(
      [
        'import def, { a, b as c } from "x";',
        'import * as ns from "y";',
        "const { box: hogBox, cgroups } = demo; const [first, ...rest] = list;",
        "let counter = 0;",
        "function helper() {}",
        "class Thing {}",
        "type Row = { a: number };",
        "interface Shape {}",
        "await pause(1); // top-level await parses",
        "if (x) { const inner = 1; }",
      ].join("\n"),
    );
    expect([...names].sort()).toEqual(
      [
        "Row",
        "Shape",
        "Thing",
        "a",
        "c",
        "cgroups",
        "counter",
        "def",
        "first",
        "helper",
        "hogBox",
        "ns",
        "rest",
      ].sort(),
    );
  });
});

describe("TypeScript's missing-name diagnostics", () => {
  const at = { offset: 0, line: 0, character: 0 };
  const diag = (code: number, messageText: string, fileName?: string) => ({
    start: at,
    end: at,
    messageText,
    category: 1,
    code,
    fileName,
  });
  it("names the missing name of TS2304, TS2552 and TS18004, nothing for other errors or other files", () => {
    expect(missingName(diag(2304, "Cannot find name 'box'."))).toBe("box");
    expect(missingName(diag(2552, "Cannot find name 'bx'. Did you mean 'box'?"))).toBe("bx");
    expect(missingName(diag(18004, "No value exists in scope for the shorthand property 'NAME'."))).toBe(
      "NAME",
    );
    expect(missingName(diag(2322, "Type 'string' is not assignable to type 'number'."))).toBeUndefined();
    expect(missingName(diag(2304, "Cannot find name 'x'.", "lib.ts"))).toBeUndefined();
  });
});

describe("the out-of-order message", () => {
  const boxCell = notebook.cells[5]?.source as string;

  it("says which earlier cell declares the name, under which heading, and what to run", () => {
    const out = explainMissingNames(["box"], notebook, notebook.cells[7]?.source as string, "en");
    expect(out?.explained).toEqual(["box"]);
    expect(out?.text.split("\n")).toEqual([
      "`box` is defined by an earlier cell of this notebook (cell 6, under “4. Start a container”),",
      "which has not run in this kernel yet, or failed.",
      "Run the cells above first: Run ▸ Run All Above Selected Cell, then this cell again.",
    ]);
  });

  it("lists each declaring cell when the names come from several", () => {
    const out = explainMissingNames(
      ["startContainer", "NAME", "step", "showLaunch"],
      notebook,
      boxCell,
      "en",
    );
    expect(out?.text.split("\n")).toEqual([
      "Run the cells above first: this cell uses names that earlier cells of this notebook define,",
      "and they have not run in this kernel yet, or failed:",
      "  `startContainer` and `showLaunch`: cell 3, under “1. Load the helpers”",
      "  `NAME` and `step`: cell 4, under “1. Load the helpers”",
      "Run ▸ Run All Above Selected Cell, then this cell again.",
    ]);
  });

  it("speaks Japanese in a Japanese notebook", () => {
    const out = explainMissingNames(["box"], notebook, notebook.cells[7]?.source as string, "ja");
    expect(out?.text).toContain(
      "`box` はこのノートブックの前のセル（セル 6、「4. Start a container」）で定義されています",
    );
    expect(out?.text).toContain("Run ▸ Run All Above Selected Cell");
  });

  it("leaves names no cell declares to TypeScript's own message (a typo, a missing import)", () => {
    expect(explainMissingNames(["boxx"], notebook, boxCell, "en")).toBeUndefined();
    const out = explainMissingNames(["boxx", "box"], notebook, notebook.cells[7]?.source as string, "en");
    expect(out?.explained).toEqual(["box"]);
  });

  it("says 'another cell' when the declaring cell is below this one", () => {
    const out = explainMissingNames(["view"], notebook, boxCell, "en");
    expect(out?.text).toMatch(
      /^`view` is defined by another cell of this notebook \(cell 8, under “5\. Two PIDs/,
    );
    expect(out?.text).toContain("Run that cell first, then this one again.");
  });

  it("reads headings outside fenced code only (a shell comment in a code block is not a heading)", () => {
    expect(markdownHeadings("# Title\n\n```sh\n# a comment\n```\n## 1. Step\ntext ## not")).toEqual([
      "Title",
      "1. Step",
    ]);
  });

  it("finds the heading above a cell", () => {
    expect(headingAbove(notebook.cells, 2)).toBe("1. Load the helpers");
    expect(headingAbove(notebook.cells, 0)).toBeUndefined();
  });
});

describe("the notebook a cell comes from", () => {
  const dir = mkdtempSync(join(tmpdir(), "nsbook-ooo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, sources: string[]) => {
    const path = join(dir, name);
    const cells = sources.map((s) => ({ cell_type: "code", metadata: {}, source: s.split(/(?<=\n)/) }));
    writeFileSync(path, JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 }));
    return path;
  };

  it("is the session's notebook when Jupyter said which, else the one in the folder holding this cell", () => {
    const a = write("01-a.ipynb", ["const a = 1;\n"]);
    const b = write("02-b.ipynb", ["const b = 2;\nconsole.log(b)"]);
    expect(findNotebookOf("whatever", { sessionPath: a, dir })?.path).toBe(a);
    expect(findNotebookOf("const b = 2;\r\nconsole.log(b)\n", { dir })?.path).toBe(b);
    expect(findNotebookOf("const c = 3;", { dir })).toBeUndefined();
    expect(
      findNotebookOf("const b = 2;\nconsole.log(b)", { sessionPath: join(dir, "gone.ipynb"), dir })?.path,
    ).toBe(b);
  });

  it("speaks the language of its folder", () => {
    mkdirSync(join(dir, "ja"));
    expect(notebookLang(join(dir, "ja", "x.ipynb"), "en")).toBe("ja");
    expect(notebookLang(join(dir, "x.ipynb"), "en")).toBe("en");
  });
});
