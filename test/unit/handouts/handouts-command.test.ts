// The `nsbook handouts` command's pure parts (argument parsing, progress lines); the command module lives
// in src/cli/commands/handouts.ts.
import { describe, expect, it } from "vitest";
import { parseHandoutsArgs, resultDetails, resultSummary } from "../../../src/cli/commands/handouts.js";
import { UsageError } from "../../../src/cli/usage-error.js";
import type { HandoutResult } from "../../../src/handouts/index.js";

describe("parseHandoutsArgs", () => {
  it("defaults to both languages, HTML only, the project's handouts folder", () => {
    expect(parseHandoutsArgs([])).toEqual({
      langs: ["ja", "en"],
      pdf: false,
      outDir: undefined,
      answers: false,
    });
  });

  it("takes --lang ja|en|all, --pdf and --out", () => {
    expect(parseHandoutsArgs(["--lang", "en", "--pdf", "--out", "/tmp/h"])).toEqual({
      langs: ["en"],
      pdf: true,
      outDir: "/tmp/h",
      answers: false,
    });
    expect(parseHandoutsArgs(["--lang=all"]).langs).toEqual(["ja", "en"]);
  });

  it("takes --answers for the instructor's copy and --notebook, repeatable, by name or number", () => {
    expect(parseHandoutsArgs(["--answers"]).answers).toBe(true);
    expect(parseHandoutsArgs(["--notebook", "01", "--notebook", "02-pid-namespace.ipynb"]).only).toEqual([
      "01",
      "02-pid-namespace",
    ]);
    expect(() => parseHandoutsArgs(["--notebook", "en/01"])).toThrow(
      /^--notebook "en\/01": needs a notebook's name/,
    );
    expect(() => parseHandoutsArgs(["--notebook", " "])).toThrow(UsageError);
  });

  it("rejects an unknown language, naming the option and the value", () => {
    expect(() => parseHandoutsArgs(["--lang", "fr"])).toThrow(UsageError);
    expect(() => parseHandoutsArgs(["--lang", "fr"])).toThrow(/^--lang "fr": expected ja, en or all$/);
  });

  it("rejects unknown options, stray arguments and an empty --out", () => {
    expect(() => parseHandoutsArgs(["--pfd"])).toThrow(UsageError);
    expect(() => parseHandoutsArgs(["notebooks/en"])).toThrow(UsageError);
    expect(() => parseHandoutsArgs(["--out", ""])).toThrow(/^--out "": needs a folder$/);
  });
});

function result(extra: Partial<HandoutResult> = {}): HandoutResult {
  return {
    lang: "en",
    name: "01-chroot",
    notebookPath: "/p/notebooks/en/01-chroot.ipynb",
    title: "01 · chroot",
    failures: [],
    runMs: 12_345,
    htmlMs: 1_200,
    pdfMs: 910,
    htmlPath: "/p/handouts/en/01-chroot.html",
    ok: true,
    ...extra,
  };
}

describe("progress lines", () => {
  it("say ok with the time of each stage and the page count", () => {
    expect(resultSummary(result({ pdfPath: "/p/handouts/en/01-chroot.pdf", pages: 4 }))).toBe(
      "ok (run 12.3 s, html 1.2 s, pdf 0.9 s, 4 pages)",
    );
  });

  it("say FAILED and list the failed cells under the line", () => {
    const r = result({
      ok: false,
      failures: [{ cell: 8, firstLine: "throw new Error('x');", errors: ["Error: x"], failedChecks: [] }],
    });
    expect(resultSummary(r)).toBe("FAILED (run 12.3 s, html 1.2 s)");
    expect(resultDetails(r)).toEqual(["      cell 8: throw new Error('x');", "        Error: x"]);
  });

  it("say when nbconvert did not finish the notebook, with its reason", () => {
    const r = result({
      ok: false,
      htmlPath: undefined,
      runError: "nbconvert exited with code 1:\nCellTimeoutError: ...",
    });
    expect(resultSummary(r)).toBe("FAILED (did not finish) (run 12.3 s)");
    expect(resultDetails(r)[1]).toBe("      CellTimeoutError: ...");
  });

  it("say when the notebook had to run twice because its kernel did not start", () => {
    expect(
      resultSummary(result({ kernelRetried: "RuntimeError: Kernel died before replying to kernel_info" })),
    ).toBe("ok (run 12.3 s, run twice: the kernel did not start the first time, html 1.2 s)");
  });

  it("say PDF FAILED when only the PDF could not be printed", () => {
    expect(resultSummary(result({ ok: false, pdfError: "print failed" }))).toMatch(/^PDF FAILED/);
  });
});

describe("progress lines when the HTML export fails", () => {
  it("say HTML FAILED with nbconvert's error under the line", () => {
    const r = result({
      ok: false,
      htmlPath: undefined,
      htmlError: "convert x to HTML failed: python3 -m nbconvert",
    });
    expect(resultSummary(r)).toBe("HTML FAILED (run 12.3 s)");
    expect(resultDetails(r)).toEqual(["      convert x to HTML failed: python3 -m nbconvert"]);
  });
});
