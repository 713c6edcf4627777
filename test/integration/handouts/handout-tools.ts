// What the handout tests need from the machine, and a probe that asks the real browser whether anything
// in a page sticks out of its width or scrolls.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { findChromium, findOnPath, pythonCandidates } from "../../../src/handouts/index.js";
import { runHost } from "../../../src/lib/host/index.js";
import type { Requirement } from "../../support/requirements.js";

/** A Python with Jupyter's nbclient and nbconvert, as `nsbook handouts` looks for it. */
export function needJupyterPython(): Requirement {
  const root = resolve(__dirname, "..", "..", "..");
  const ok = pythonCandidates(root).some((python) => {
    try {
      execFileSync(python, ["-c", "import nbclient, nbformat, nbconvert"], {
        stdio: "ignore",
        timeout: 30_000,
      });
      return true;
    } catch {
      return false;
    }
  });
  return {
    ok,
    reason: ok
      ? ""
      : "needs Jupyter's nbclient and nbconvert (apt-get install python3-nbconvert python3-nbclient)",
  };
}

/** A headless Chromium to print with. */
export function needChromium(): Requirement {
  const ok = findChromium() !== undefined;
  return { ok, reason: ok ? "" : "needs a headless Chromium (apt-get install chromium-headless-shell)" };
}

/** poppler's pdfinfo. */
export function needPdfinfo(): Requirement {
  const ok = findOnPath("pdfinfo") !== undefined;
  return { ok, reason: ok ? "" : "needs pdfinfo (apt-get install poppler-utils)" };
}

/**
 * Runs after the page's own scripts: lists elements inside cells that stick out to the right of the
 * page's content box, or that scroll sideways. Written into the body as an attribute for --dump-dom.
 */
const OVERFLOW_PROBE = `<script>(function () {
  var s = getComputedStyle(document.body);
  var right = document.body.getBoundingClientRect().right - parseFloat(s.paddingRight);
  var bad = [];
  var all = document.querySelectorAll(".jp-Cell, .jp-Cell *");
  for (var i = 0; i < all.length; i++) {
    var el = all[i];
    var r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > right + 1) bad.push("sticks-out:" + el.tagName);
    var ox = getComputedStyle(el).overflowX;
    if (ox !== "visible" && el.scrollWidth > el.clientWidth + 1) bad.push("scrolls:" + el.tagName);
  }
  document.body.setAttribute("data-probe-overflow", bad.length ? bad.slice(0, 20).join(" ") : "none");
})();</script>`;

/** What the probe found in a page: "none", or the offending elements. */
export async function overflowIn(html: string): Promise<string> {
  const chromium = findChromium();
  if (!chromium) throw new Error("no Chromium");
  const dir = mkdtempSync(join(tmpdir(), "nsbook-handouts-probe-"));
  try {
    const page = join(dir, "page.html");
    const i = html.toLowerCase().lastIndexOf("</body>");
    writeFileSync(page, `${html.slice(0, i)}${OVERFLOW_PROBE}${html.slice(i)}`);
    const r = await runHost(
      [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--window-size=1280,1024",
        `--user-data-dir=${join(dir, "profile")}`,
        "--dump-dom",
        pathToFileURL(page).href,
      ],
      { timeoutMs: 60_000 },
    );
    const m = /data-probe-overflow="([^"]*)"/.exec(r.stdout);
    if (!m) throw new Error(`the probe did not run: ${r.stdout.slice(0, 300)}`);
    return m[1] as string;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdfinfo's output for a PDF. */
export function pdfinfo(path: string): string {
  return execFileSync("pdfinfo", [path], { encoding: "utf8" });
}

/** Reads a text file. */
export const read = (path: string): string => readFileSync(path, "utf8");
