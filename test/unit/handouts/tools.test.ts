import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  chromiumMissing,
  executionFailureSummary,
  findChromium,
  findNotebooks,
  findOnPath,
  jupyterEnv,
  notebookMatches,
  parseCellProgress,
  parsePdfinfoPages,
  printToPdfArgv,
  pythonCandidates,
  selectLangs,
  tagRemovalArgs,
} from "../../../src/handouts/index.js";
import { InvalidOptionError } from "../../../src/lib/errors/index.js";

const scratch = mkdtempSync(join(tmpdir(), "nsbook-handouts-unit-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function fakeProgram(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, "#!/bin/sh\nexit 0\n");
  chmodSync(path, 0o755);
  return path;
}

describe("findOnPath", () => {
  it("returns the first executable match in PATH order", () => {
    const seen: string[] = [];
    const found = findOnPath("tool", "/a:/b:/c", (p) => {
      seen.push(p);
      return p === "/b/tool" || p === "/c/tool";
    });
    expect(found).toBe("/b/tool");
    expect(seen).toEqual(["/a/tool", "/b/tool"]);
  });

  it("skips empty and relative PATH entries", () => {
    expect(findOnPath("tool", ":.:bin", () => true)).toBeUndefined();
  });

  it("checks a name with a slash as given", () => {
    expect(findOnPath("/opt/chrome/chrome", "", (p) => p === "/opt/chrome/chrome")).toBe(
      "/opt/chrome/chrome",
    );
  });

  it("finds a real executable file and not a plain one", () => {
    const dir = join(scratch, "path");
    fakeProgram(dir, "runs");
    writeFileSync(join(dir, "plain"), "");
    expect(findOnPath("runs", dir)).toBe(join(dir, "runs"));
    expect(findOnPath("plain", dir)).toBeUndefined();
  });
});

describe("findChromium", () => {
  it("prefers chromium-headless-shell over a full chromium", () => {
    const dir = join(scratch, "chromes");
    fakeProgram(dir, "chromium");
    fakeProgram(dir, "chromium-headless-shell");
    expect(findChromium({ PATH: dir })).toBe(join(dir, "chromium-headless-shell"));
  });

  it("uses NSBOOK_CHROMIUM when set, and nothing else", () => {
    const dir = join(scratch, "custom");
    const chrome = fakeProgram(dir, "my-chrome");
    fakeProgram(dir, "chromium");
    expect(findChromium({ PATH: dir, NSBOOK_CHROMIUM: chrome })).toBe(chrome);
    expect(findChromium({ PATH: dir, NSBOOK_CHROMIUM: join(dir, "missing") })).toBeUndefined();
  });

  it("finds none on an empty PATH, and the message says what to install", () => {
    expect(findChromium({ PATH: join(scratch, "empty") })).toBeUndefined();
    expect(chromiumMissing({})).toContain("sudo apt-get install chromium-headless-shell");
    expect(chromiumMissing({ NSBOOK_CHROMIUM: "/opt/x" })).toMatch(
      /^NSBOOK_CHROMIUM=\/opt\/x is not an executable/,
    );
  });
});

describe("printToPdfArgv", () => {
  const argv = printToPdfArgv(
    "/usr/bin/chromium-headless-shell",
    "/out/en/a b.html",
    "/out/en/a b.pdf",
    "/tmp/prof",
  );

  it("prints a file URL to the PDF path without Chromium's own header and footer", () => {
    expect(argv[0]).toBe("/usr/bin/chromium-headless-shell");
    expect(argv).toContain("--print-to-pdf=/out/en/a b.pdf");
    expect(argv).toContain("--no-pdf-header-footer");
    expect(argv.at(-1)).toBe("file:///out/en/a%20b.html");
  });

  it("runs as root on a closed network with a fresh profile", () => {
    for (const flag of [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--user-data-dir=/tmp/prof",
    ]) {
      expect(argv).toContain(flag);
    }
  });
});

describe("parsePdfinfoPages", () => {
  it("reads the page count", () => {
    expect(
      parsePdfinfoPages("Producer:        Skia/PDF m156\nPages:           10\nEncrypted:       no\n"),
    ).toBe(10);
  });

  it("is undefined without a Pages line", () => {
    expect(parsePdfinfoPages("Syntax Error: Couldn't read xref table")).toBeUndefined();
  });
});

describe("executionFailureSummary", () => {
  const log = [
    "NSBOOK-HANDOUT-CELL 1 1",
    "Traceback (most recent call last):",
    '  File "/usr/lib/python3/dist-packages/nbclient/client.py", line 852, in _async_handle_timeout',
    "    raise CellTimeoutError.error_from_timeout_and_cell(",
    "nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, after 3 seconds.",
    "The message was: Cell execution timed out.",
    "Here is a preview of the cell contents:",
    "-------------------",
    "await new Promise((r) => setTimeout(r, 20000));",
    "-------------------",
    "UnhandledPromiseRejection: Error: Socket is blocked by a bind or unbind operation",
    "    at ZmqMessage.signAndSend (/work/main/node_modules/tslab/dist/jupyter.js:143:14)",
    "  errno: 16,",
    "",
  ].join("\n");

  it("keeps the exception and the preview of the cell, without tslab's shutdown noise", () => {
    const s = executionFailureSummary(log);
    expect(s.split("\n")[0]).toBe(
      "nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, after 3 seconds.",
    );
    expect(s).toContain("await new Promise((r) => setTimeout(r, 20000));");
    expect(s).not.toMatch(/Socket is blocked|errno|NSBOOK-HANDOUT-CELL/);
  });

  it("falls back to the last lines when there is no exception", () => {
    expect(executionFailureSummary("a\nb\nc\n", 2)).toBe("b\nc");
  });
});

describe("parseCellProgress", () => {
  it("reads the executing program's cell lines", () => {
    expect(parseCellProgress("NSBOOK-HANDOUT-CELL 3 12")).toEqual({ cell: 3, cells: 12 });
    expect(parseCellProgress("NSBOOK-HANDOUT-CELL x")).toBeUndefined();
    expect(parseCellProgress("Traceback (most recent call last):")).toBeUndefined();
  });
});

describe("notebook selection", () => {
  it("selects ja, en or both", () => {
    expect(selectLangs(undefined)).toEqual(["ja", "en"]);
    expect(selectLangs("all")).toEqual(["ja", "en"]);
    expect(selectLangs("ja")).toEqual(["ja"]);
    expect(() => selectLangs("de")).toThrow(InvalidOptionError);
  });

  it("finds any number of notebooks per language, sorted, skipping other files", () => {
    const dir = join(scratch, "notebooks");
    mkdirSync(join(dir, "en"), { recursive: true });
    for (const f of ["02-pid.ipynb", "00-preflight.ipynb", "notes.md", ".hidden.ipynb", "01-chroot.ipynb"]) {
      writeFileSync(join(dir, "en", f), "{}");
    }
    expect(findNotebooks(dir, ["ja", "en"]).map((n) => `${n.lang}/${n.name}`)).toEqual([
      "en/00-preflight",
      "en/01-chroot",
      "en/02-pid",
    ]);
    expect(findNotebooks(dir, ["en"])[0]?.path).toBe(join(dir, "en", "00-preflight.ipynb"));
    expect(findNotebooks(dir, ["en"], ["01", "02-pid"]).map((n) => n.name)).toEqual(["01-chroot", "02-pid"]);
    expect(findNotebooks(dir, ["en"], ["0"]).map((n) => n.name)).toEqual([]);
  });

  it("selects notebooks by their whole name or their number", () => {
    expect(notebookMatches("01-chroot", undefined)).toBe(true);
    expect(notebookMatches("01-chroot", [])).toBe(true);
    expect(notebookMatches("01-chroot", ["01"])).toBe(true);
    expect(notebookMatches("01-chroot", ["01-"])).toBe(true);
    expect(notebookMatches("01-chroot", ["01-chroot"])).toBe(true);
    expect(notebookMatches("10-overlay", ["1"])).toBe(false);
    expect(notebookMatches("01-chroot", ["02", "03"])).toBe(false);
  });
});

describe("Jupyter set-up", () => {
  it("puts the project's kernelspec folder first on JUPYTER_PATH and passes the language", () => {
    expect(jupyterEnv("/p", "ja", { JUPYTER_PATH: "/other" })).toMatchObject({
      JUPYTER_PATH: "/p/.jupyter-local:/other",
      NSBOOK_LANG: "ja",
    });
    expect(jupyterEnv("/p", "en", {}).JUPYTER_PATH).toBe("/p/.jupyter-local");
  });

  it("tries the project's venv, then Debian's Python, then python3 on PATH", () => {
    const dir = join(scratch, "pyenv-shims");
    const shim = fakeProgram(dir, "python3");
    expect(pythonCandidates("/p", dir)).toEqual(["/p/.venv/bin/python", "/usr/bin/python3", shim]);
    expect(pythonCandidates("/p", "/usr/bin")).toEqual(["/p/.venv/bin/python", "/usr/bin/python3"]);
  });

  it("removes cells by the documented tags, answers too unless the instructor's copy is made", () => {
    expect(tagRemovalArgs()).toEqual([
      "--TagRemovePreprocessor.enabled=True",
      "--TagRemovePreprocessor.remove_cell_tags=remove-cell",
      "--TagRemovePreprocessor.remove_cell_tags=answer",
      "--TagRemovePreprocessor.remove_input_tags=remove-input",
      "--TagRemovePreprocessor.remove_all_outputs_tags=remove-output",
    ]);
    expect(tagRemovalArgs({ answers: true })).not.toContain(
      "--TagRemovePreprocessor.remove_cell_tags=answer",
    );
    expect(tagRemovalArgs({ answers: true })).toContain(
      "--TagRemovePreprocessor.remove_cell_tags=remove-cell",
    );
  });
});
