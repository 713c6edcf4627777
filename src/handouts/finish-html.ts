// Turns nbconvert's HTML into a handout: nothing loaded from elsewhere, the handout style, a title, the
// language, a header strip and the table-fitting script. Pure string work on the "lab" template's output.
//
// Why the scripts go: Debian's nbconvert points MathJax at file:///usr/share/javascript/mathjax (often not
// installed, and never on the reader's machine) and loads require.js the same way; pip's nbconvert loads
// both from a CDN, which a closed network cannot reach (Chromium then waits for it before printing). A
// handout needs neither: its outputs are static. MathJax would even do harm here: it reads the `$HOME ...
// $PATH` of a shell course as inline TeX. So Markdown math stays as written ($x$), by design.

import { escapeHtml } from "../kernel-helpers/index.js";
import { FIT_TABLES_SCRIPT } from "./assets/fit-tables-script.js";
import { HANDOUT_CSS, pageFooterCss } from "./assets/handout-css.js";

/** What the handout page says about itself. */
export interface FinishHtmlOptions {
  /** The handout's title (the notebook's first heading). */
  title: string;
  /** Language of the notebook, for `<html lang>` and line breaking. */
  lang: string;
  /** Left part of the header strip, e.g. "nsbook · handout · 00-preflight". */
  headerLeft: string;
  /** Right part of the header strip, e.g. the date it was made. */
  headerRight: string;
}

const MATHJAX_BLOCK = /<!--\s*Load mathjax\s*-->[\s\S]*?<!--\s*End of mathjax configuration\s*-->/gi;
const MATHJAX_CONFIG = /<script\b[^>]*\btype\s*=\s*["']text\/x-mathjax-config["'][^>]*>[\s\S]*?<\/script>/gi;
const SCRIPT_WITH_SRC = /<script\b[^>]*\bsrc\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)[^>]*>[\s\S]*?<\/script>/gi;
const LINK_STYLESHEET =
  /<link\b[^>]*\brel\s*=\s*["']?stylesheet["']?[^>]*\bhref\s*=\s*["']?(?:https?:|file:|\/\/)[^>]*>/gi;

/** Removes MathJax and every script or style sheet loaded from a URL (file:, http:, CDN). */
export function stripExternalResources(html: string): string {
  return html
    .replace(MATHJAX_BLOCK, "")
    .replace(MATHJAX_CONFIG, "")
    .replace(SCRIPT_WITH_SRC, "")
    .replace(LINK_STYLESHEET, "");
}

function insertBefore(html: string, marker: RegExp, text: string, what: string): string {
  const m = marker.exec(html);
  if (!m) throw new Error(`finishHandoutHtml: nbconvert's HTML has no ${what} (template changed?)`);
  return html.slice(0, m.index) + text + html.slice(m.index);
}

function insertAfter(html: string, marker: RegExp, text: string, what: string): string {
  const m = marker.exec(html);
  if (!m) throw new Error(`finishHandoutHtml: nbconvert's HTML has no ${what} (template changed?)`);
  const end = m.index + m[0].length;
  return html.slice(0, end) + text + html.slice(end);
}

/** The handout page made from nbconvert's HTML. Pure. */
export function finishHandoutHtml(html: string, options: FinishHtmlOptions): string {
  let out = linkNotebooksToHandouts(stripExternalResources(html));
  out = /<html\b[^>]*\blang=/i.test(out)
    ? out.replace(/(<html\b[^>]*\blang=)(["'])[^"']*\2/i, `$1"${escapeHtml(options.lang)}"`)
    : out.replace(/<html\b/i, `<html lang="${escapeHtml(options.lang)}"`);
  const title = `<title>${escapeHtml(options.title)}</title>`;
  out = /<title>[\s\S]*?<\/title>/i.test(out)
    ? out.replace(/<title>[\s\S]*?<\/title>/i, () => title)
    : insertBefore(out, /<\/head>/i, title, "</head>");
  const style = `<style id="nsbook-handout-style">${HANDOUT_CSS}\n${pageFooterCss(options.title)}\n</style>\n`;
  out = insertBefore(out, /<\/head>/i, style, "</head>");
  const header = `\n<header class="nsbook-handout-header"><span>${escapeHtml(options.headerLeft)}</span><span>${escapeHtml(options.headerRight)}</span></header>\n`;
  out = insertAfter(out, /<body\b[^>]*>/i, header, "<body>");
  const lastBody = out.toLowerCase().lastIndexOf("</body>");
  if (lastBody < 0) throw new Error("finishHandoutHtml: nbconvert's HTML has no </body> (template changed?)");
  const script = `<script id="nsbook-fit-tables">\n${FIT_TABLES_SCRIPT}\n</script>\n`;
  return out.slice(0, lastBody) + script + out.slice(lastBody);
}

/**
 * Points relative links between notebooks (`01-chroot.ipynb`, `../en/02-pid-namespace.ipynb#top`) at the
 * handouts made from them: handouts mirror the notebooks' folders, so only the extension changes. Absolute
 * URLs, root-relative paths and in-page anchors are left alone.
 */
export function linkNotebooksToHandouts(html: string): string {
  return html.replace(
    /(\bhref=)(["'])(?![a-z][a-z0-9+.-]*:|\/|#)([^"'#]*?)\.ipynb(#[^"']*)?\2/gi,
    (_m, attr: string, q: string, path: string, hash: string | undefined) =>
      `${attr}${q}${path}.html${hash ?? ""}${q}`,
  );
}
