import { describe, expect, it } from "vitest";
import type { Notebook, NotebookOutput } from "../../../scripts/notebooks/notebook-json.js";
import { renderCheck } from "../../../src/kernel-helpers/checks/index.js";
import { analyzeRun, problemsOf } from "../../notebooks/support/analyze.js";

function nbWith(...outputs: NotebookOutput[][]): Notebook {
  return {
    cells: outputs.map((o, i) => ({
      cell_type: "code",
      id: `c${i + 1}`,
      metadata: {
        execution: {
          "iopub.status.busy": "2025-01-01T00:00:00.000Z",
          "iopub.status.idle": "2025-01-01T00:00:01.500Z",
        },
      },
      outputs: o,
      source: "",
      execution_count: null,
    })),
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  };
}

const html = (h: string): NotebookOutput => ({ output_type: "display_data", data: { "text/html": h } });

describe("analyzeRun and problemsOf", () => {
  it("accept a clean run that shows what is expected", () => {
    const run = analyzeRun(
      nbWith(
        [{ output_type: "stream", name: "stdout", text: "hi\n" }, html("<table></table>")],
        [html(renderCheck({ id: "loads", title: "loads", passed: true }, "en"))],
        [{ output_type: "display_data", data: { "image/png": "iVBOR" } }],
      ),
    );
    expect(run.cellSeconds[0]).toEqual({ cell: 1, id: "c1", seconds: 1.5 });
    expect(problemsOf(run, { checks: ["loads"], kinds: ["image/png"], html: [/<table/] })).toEqual([]);
  });

  it("report stderr text, since tslab prints compile and runtime errors there", () => {
    const run = analyzeRun(
      nbWith([{ output_type: "stream", name: "stderr", text: ["1:7 - Cannot find name 'x'.\n"] }]),
    );
    expect(problemsOf(run, { minChecks: 0 })).toEqual([
      "cell 1 (c1) wrote an error: 1:7 - Cannot find name 'x'.",
    ]);
  });

  it("report error outputs", () => {
    const run = analyzeRun(nbWith([{ output_type: "error", ename: "Boom", evalue: "bad", traceback: [] }]));
    expect(problemsOf(run, { minChecks: 0 })).toEqual(["cell 1 (c1) wrote an error: Boom: bad"]);
  });

  it("report failed checks, expected checks that never ran and missing output kinds", () => {
    const run = analyzeRun(
      nbWith([html(renderCheck({ id: "isolated", title: "isolated", passed: false }, "en"))]),
    );
    expect(
      problemsOf(run, { checks: ["isolated", "cleaned up"], kinds: ["image/png"], html: [/<table/] }),
    ).toEqual([
      "cell 1 (c1): self-check failed: isolated",
      "expected self-check never ran: cleaned up",
      "expected an output of type image/png, saw none",
      "expected an HTML output matching /<table/, saw none",
    ]);
  });

  it("insist on at least one self-check by default", () => {
    expect(problemsOf(analyzeRun(nbWith([])))).toEqual(["expected at least 1 self-check(s), saw 0"]);
  });
});
