import { describe, expect, it } from "vitest";
import { cellFailures, describeFailure, errorSummary, firstSourceLine } from "../../../src/handouts/index.js";
import { CHECK_FAILED_PREFIX } from "../../../src/kernel-helpers/checks/marker.js";
import {
  checkBlock,
  code,
  html,
  markdown,
  notebook,
  stream,
  TSLAB_THROW_STDERR,
} from "./executed-notebook.js";

describe("cellFailures", () => {
  it("finds nothing in a notebook whose cells wrote only stdout, HTML and passed checks", () => {
    const nb = notebook(
      markdown("# Title"),
      code('console.log("hi");', [stream("stdout", "hi\n")]),
      code("showTable(rows);", [html("<table><tr><td>1</td></tr></table>")]),
      code("await check(...);", [checkBlock("the library loads", true)]),
    );
    expect(cellFailures(nb)).toEqual([]);
  });

  it("treats tslab's stderr text as a failure and names the cell by its position among all cells", () => {
    const nb = notebook(
      markdown("# Title"),
      code("const a = 1;"),
      code(
        '// throws\nthrow new Error("わざと失敗 deliberate failure");',
        [stream("stderr", TSLAB_THROW_STDERR)],
        "boom",
      ),
    );
    const [f, ...rest] = cellFailures(nb);
    expect(rest).toEqual([]);
    expect(f?.cell).toBe(3);
    expect(f?.id).toBe("boom");
    expect(f?.firstLine).toBe("// throws");
    expect(f?.errors[0]).toContain("Error: わざと失敗 deliberate failure");
  });

  it("reports an `error` output as its name and value", () => {
    const nb = notebook(
      code("x", [{ output_type: "error", ename: "ReferenceError", evalue: "x is not defined" }]),
    );
    expect(cellFailures(nb)[0]?.errors).toEqual(["ReferenceError: x is not defined"]);
  });

  it("reports a failed self-check once, from its HTML marker and its stderr line together", () => {
    const nb = notebook(
      code("await check(...)", [
        checkBlock("every namespace type can be created here", false),
        stream("stderr", `${CHECK_FAILED_PREFIX}every namespace type can be created here\n`),
      ]),
    );
    const [f] = cellFailures(nb);
    expect(f?.failedChecks).toEqual(["every namespace type can be created here"]);
    expect(f?.errors).toEqual([]);
  });

  it("keeps other stderr text next to a failed check's line", () => {
    const nb = notebook(
      code("await check(...)", [
        stream("stderr", `warning: slow disk\n${CHECK_FAILED_PREFIX}disk is fast\n`),
      ]),
    );
    const [f] = cellFailures(nb);
    expect(f?.errors).toEqual(["warning: slow disk"]);
    expect(f?.failedChecks).toEqual(["disk is fast"]);
  });

  it("lists every failed cell in order", () => {
    const nb = notebook(
      code("a", [stream("stderr", "first\n")]),
      code("b", [stream("stdout", "fine\n")]),
      code("c", [stream("stderr", "second\n")]),
    );
    expect(cellFailures(nb).map((f) => [f.cell, f.errors])).toEqual([
      [1, ["first"]],
      [3, ["second"]],
    ]);
  });

  it("ignores Markdown cells even when their text mentions errors", () => {
    expect(cellFailures(notebook(markdown("stderr: Error: nothing")))).toEqual([]);
  });
});

describe("firstSourceLine", () => {
  it("skips blank lines and trims", () => {
    expect(firstSourceLine(code("\n\n   await check(x);\nmore"))).toBe("await check(x);");
  });
});

describe("errorSummary", () => {
  it("drops stack frames and keeps the message", () => {
    const s = errorSummary(TSLAB_THROW_STDERR);
    expect(s).toContain("Error: わざと失敗 deliberate failure");
    expect(s).not.toContain("    at ");
  });

  it("cuts long texts and says how much was left out", () => {
    const s = errorSummary(Array.from({ length: 20 }, (_, i) => `line ${i}`).join("\n"), 5);
    expect(s.split("\n")).toHaveLength(6);
    expect(s).toContain("(15 more lines)");
  });
});

describe("describeFailure", () => {
  it("names the cell, its first line, the error and the failed checks", () => {
    const lines = describeFailure({
      cell: 7,
      id: "bad-type",
      firstLine: 'const wrong: number = "text";',
      errors: ["1:7 - Type 'string' is not assignable to type 'number'."],
      failedChecks: ["types check"],
    });
    expect(lines).toEqual([
      'cell 7 (id bad-type): const wrong: number = "text";',
      "  1:7 - Type 'string' is not assignable to type 'number'.",
      "  self-check failed: types check",
    ]);
  });
});
