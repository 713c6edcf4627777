// Printing a handout to PDF with headless Chromium (Debian's chromium-headless-shell, or a full Chromium).

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { NsbookError, runHost } from "../lib/index.js";
import { findOnPath } from "./find-program.js";

/** Programs tried, in order, when NSBOOK_CHROMIUM is not set. */
export const CHROMIUM_NAMES = [
  "chromium-headless-shell",
  "chromium",
  "chromium-browser",
  "google-chrome-stable",
  "google-chrome",
] as const;

/** Why there is no Chromium to print with, and what to install. */
export function chromiumMissing(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NSBOOK_CHROMIUM) {
    return `NSBOOK_CHROMIUM=${env.NSBOOK_CHROMIUM} is not an executable program on this machine: point it at a Chromium or Chrome, or unset it`;
  }
  return (
    `no headless Chromium found (tried ${CHROMIUM_NAMES.join(", ")} on PATH): install one with ` +
    "`sudo apt-get install chromium-headless-shell` (Debian 12+; elsewhere Chromium or Google Chrome), " +
    "or set NSBOOK_CHROMIUM=/path/to/chrome"
  );
}

/** The Chromium to print with: `NSBOOK_CHROMIUM` when set, else the first of {@link CHROMIUM_NAMES} on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NSBOOK_CHROMIUM) return findOnPath(env.NSBOOK_CHROMIUM, env.PATH);
  for (const name of CHROMIUM_NAMES) {
    const found = findOnPath(name, env.PATH);
    if (found) return found;
  }
  return undefined;
}

/**
 * The argv that prints `htmlPath` to `pdfPath`. Flags for a closed network and a root user: no sandbox
 * (root), no GPU, no background fetches (component updates, sync, first-run pages) that would wait on a
 * network that is not there, a fresh profile, and no header/footer (the handout draws its own footer).
 */
export function printToPdfArgv(
  chromium: string,
  htmlPath: string,
  pdfPath: string,
  profileDir: string,
): string[] {
  return [
    chromium,
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--window-size=1280,1024",
    `--user-data-dir=${profileDir}`,
    "--no-pdf-header-footer",
    `--print-to-pdf=${pdfPath}`,
    pathToFileURL(htmlPath).href,
  ];
}

/** Options of {@link printPdf}. */
export interface PrintPdfOptions {
  /** The Chromium program (from {@link findChromium}). */
  chromium: string;
  /** The handout page to print. */
  htmlPath: string;
  /** Where the PDF goes. */
  pdfPath: string;
  /** Give up after this many milliseconds. @default 120000 */
  timeoutMs?: number;
}

/** Prints one HTML file to PDF (a fresh throwaway profile each time); resolves with the time it took, in ms. */
export async function printPdf(options: PrintPdfOptions): Promise<number> {
  const profile = mkdtempSync(join(tmpdir(), "nsbook-chromium-"));
  try {
    rmSync(options.pdfPath, { force: true });
    const r = await runHost(printToPdfArgv(options.chromium, options.htmlPath, options.pdfPath, profile), {
      what: `print ${options.htmlPath} to PDF`,
      timeoutMs: options.timeoutMs ?? 120_000,
    });
    if (!existsSync(options.pdfPath)) {
      throw new NsbookError(
        "pdf",
        `print ${options.htmlPath} to PDF: Chromium exited 0 but wrote no ${options.pdfPath}\n${r.stderr.trim().slice(-2000)}`,
      );
    }
    return r.durationMs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The page count in `pdfinfo` output, or undefined. Pure. */
export function parsePdfinfoPages(text: string): number | undefined {
  const m = /^Pages:\s+(\d+)\s*$/m.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** How many pages a PDF has, through poppler's pdfinfo; undefined when pdfinfo is not installed or fails. */
export async function pdfPageCount(pdfPath: string): Promise<number | undefined> {
  const pdfinfo = findOnPath("pdfinfo");
  if (!pdfinfo) return undefined;
  const r = await runHost([pdfinfo, pdfPath], { allowFailure: true, timeoutMs: 30_000 });
  return r.failed ? undefined : parsePdfinfoPages(r.stdout);
}
