import { describe, expect, it } from "vitest";
import { buildNotebook, parseBilingualSource } from "../../../scripts/notebooks/bilingual-source.js";
import { codeCellDifferences, lintNotebook, pairNotebooks } from "../../../scripts/notebooks/lint.js";
import {
  formatNotebook,
  type Notebook,
  parseNotebook,
  textOf,
  toLines,
} from "../../../scripts/notebooks/notebook-json.js";
import { stripNotebook, unstrippedParts } from "../../../scripts/notebooks/strip.js";
import { cellPitfalls } from "../../../scripts/notebooks/tslab-pitfalls.js";

const SOURCE = `A comment line.

%% md:en id=intro
# Hello
%% md:ja id=intro
# こんにちは

%% code id=c1 tags=remove-handout,slow
const x = 1;
console.log(\`x = \${x}\`);


%% md
$$ shared $$
`;

describe("bilingual sources", () => {
  it("make one notebook per language with shared code and per-language markdown", () => {
    const cells = parseBilingualSource(SOURCE);
    const en = buildNotebook(cells, "en");
    const ja = buildNotebook(cells, "ja");
    expect(en.cells.map((c) => [c.cell_type, c.id, textOf(c.source)])).toEqual([
      ["markdown", "intro", "# Hello"],
      ["code", "c1", `const x = 1;\nconsole.log(\`x = \${x}\`);`],
      ["markdown", "cell-3", "$$ shared $$"],
    ]);
    expect(textOf(ja.cells[0]?.source)).toBe("# こんにちは");
    expect(ja.cells[1]).toEqual(en.cells[1]);
    expect(en.cells[1]?.metadata).toEqual({ tags: ["remove-handout", "slow"] });
    expect(en.metadata.kernelspec).toEqual({
      display_name: "nsbook (TypeScript)",
      language: "typescript",
      name: "nsbook",
    });
    expect([en.nbformat, en.nbformat_minor]).toEqual([4, 5]);
    expect(lintNotebook(en)).toEqual([]);
  });

  it("reject an English block without its Japanese pair, naming the line", () => {
    expect(() => parseBilingualSource("%% md:en id=a\nx\n%% code\ny", "f.nb.txt")).toThrow(
      /f\.nb\.txt:1: md:en block must be followed by its md:ja block/,
    );
  });

  it("reject bad headers, unknown attributes, bad and duplicate ids", () => {
    expect(() => parseBilingualSource("%% python\nx")).toThrow(/:1: bad block header/);
    expect(() => parseBilingualSource("%% code lang=ts\nx")).toThrow(/unknown attribute "lang"/);
    expect(() => parseBilingualSource("%% code id=a.b\nx")).toThrow(/id must be/);
    expect(() => parseBilingualSource("%% code id=a\nx\n%% code id=a\ny")).toThrow(
      /:3: cell id "a" is used twice/,
    );
  });

  it("collapse answer cells in JupyterLab and keep their tag, in both languages", () => {
    const source = `%% md:en id=q1
Predict, then run.
%% md:ja id=q1
予想してから実行しよう。
%% md:en id=a1 tags=answer
**Answer.** 42.
%% md:ja id=a1 tags=answer
**答え。** 42。
%% code id=a2 tags=answer,remove-output
console.log(42);
`;
    for (const lang of ["en", "ja"] as const) {
      const nb = buildNotebook(parseBilingualSource(source), lang);
      expect(nb.cells.map((c) => c.metadata)).toEqual([
        {},
        { jupyter: { source_hidden: true }, tags: ["answer"] },
        { jupyter: { outputs_hidden: true, source_hidden: true }, tags: ["answer", "remove-output"] },
      ]);
      expect(lintNotebook(nb)).toEqual([]);
      expect(stripNotebook(nb)).toEqual(nb);
    }
  });
});

describe("notebook JSON", () => {
  it("splits text into Jupyter's lines and back", () => {
    expect(toLines("a\nb\n")).toEqual(["a\n", "b\n"]);
    expect(toLines("a\nb")).toEqual(["a\n", "b"]);
    expect(toLines("")).toEqual([]);
    expect(textOf(toLines("a\n\nb"))).toBe("a\n\nb");
  });

  it("writes sorted keys with one-space indent and keeps Japanese as is", () => {
    const text = formatNotebook({
      nbformat: 4,
      cells: [],
      nbformat_minor: 5,
      metadata: { z: "日本語", a: 1 },
    });
    expect(text).toBe(
      '{\n "cells": [],\n "metadata": {\n  "a": 1,\n  "z": "日本語"\n },\n "nbformat": 4,\n "nbformat_minor": 5\n}\n',
    );
  });

  it("names the file when it is not a notebook", () => {
    expect(() => parseNotebook("{}", "x.ipynb")).toThrow(/x\.ipynb: not a Jupyter notebook/);
    expect(() => parseNotebook("{", "x.ipynb")).toThrow(/x\.ipynb: not valid JSON/);
  });
});

function executed(): Notebook {
  const nb = buildNotebook(parseBilingualSource(SOURCE), "en");
  const code = nb.cells[1];
  if (!code) throw new Error("fixture");
  code.outputs = [{ output_type: "stream", name: "stdout", text: ["x = 1\n"] }];
  code.execution_count = 3;
  code.metadata = { ...code.metadata, execution: { "iopub.status.busy": "2025-01-01T00:00:00Z" } };
  nb.metadata.widgets = {};
  return nb;
}

describe("stripping outputs", () => {
  it("finds outputs, execution counts and timing metadata", () => {
    expect(unstrippedParts(executed())).toEqual([
      "cell 2 (c1) has outputs",
      "cell 2 (c1) has an execution count",
      "cell 2 (c1) has metadata.execution",
    ]);
  });

  it("removes them and keeps tags", () => {
    const stripped = stripNotebook(executed());
    expect(unstrippedParts(stripped)).toEqual([]);
    expect(stripped.cells[1]?.metadata).toEqual({ tags: ["remove-handout", "slow"] });
    expect(stripped.metadata.widgets).toBeUndefined();
    expect(formatNotebook(stripped)).toBe(formatNotebook(buildNotebook(parseBilingualSource(SOURCE), "en")));
  });
});

describe("ja/en pairs", () => {
  it("report code cells that differ, with both ids and the first differing line", () => {
    const en = buildNotebook(parseBilingualSource(SOURCE), "en");
    const ja = buildNotebook(
      parseBilingualSource(SOURCE.replace("const x = 1;\nconsole", "const x = 1;\nconsole.error")),
      "ja",
    );
    expect(codeCellDifferences(ja, en)).toEqual(["code cell 1 (ja id c1, en id c1) differs from line 2"]);
  });

  it("report a different number of code cells", () => {
    const en = buildNotebook(parseBilingualSource(SOURCE), "en");
    const ja = buildNotebook(parseBilingualSource(`${SOURCE}%% code id=more\n1`), "ja");
    expect(codeCellDifferences(ja, en)[0]).toBe("ja has 2 code cells, en has 1");
  });

  it("report notebooks that exist in one language only", () => {
    expect(pairNotebooks(["/n/ja/01.ipynb", "/n/ja/02.ipynb"], ["/n/en/01.ipynb"]).unpaired).toEqual([
      "notebooks/ja/02.ipynb has no notebooks/en/02.ipynb",
    ]);
  });
});

describe("tslab pitfalls", () => {
  it("flag shorthand properties that use another cell's variables", () => {
    expect(cellPitfalls("await showDoctor({ report, parts: [] });")).toEqual([
      "line 1: `{ report }` uses `report` from another cell, which tslab turns into a ReferenceError; write `report: report`",
    ]);
  });

  it("accept shorthand for names declared in the same cell, in any form", () => {
    const src = [
      'import { a } from "x";',
      "const { b } = f();",
      "function g(c: number) { return { c }; }",
      "const d = 1;",
      "console.log({ a, b, d });",
    ].join("\n");
    expect(cellPitfalls(src)).toEqual([]);
  });

  it("flag `using` declarations and top-level `for await`", () => {
    expect(cellPitfalls("using r = open();")).toHaveLength(1);
    expect(cellPitfalls("for await (const x of xs) {}")).toHaveLength(1);
    expect(cellPitfalls("async function f() { for await (const x of xs) {} }")).toEqual([]);
  });
});
