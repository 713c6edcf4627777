// The handout's own style, laid over nbconvert's "lab" template. Kept as a TypeScript string so `tsc`
// carries it into dist/ (it copies no other files).
//
// The page is as wide on screen as on paper (A4 minus the margins: 186 mm), so what the table-fitting
// script measures in the browser is what prints. Code and text outputs wrap instead of scrolling (paper
// has no scroll bar); wide tables are scaled down, then wrapped (assets/fit-tables-script.ts).

/** Width of the printable area of an A4 page with the margins below, in mm. */
export const CONTENT_WIDTH_MM = 186;

/** Latin fonts first, then Japanese ones (the browser falls back per character). */
const SANS =
  'system-ui, -apple-system, "Segoe UI", "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, ' +
  '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", ' +
  '"IPAPGothic", "IPAexGothic", sans-serif';

/** Monospace; Japanese in code falls back to a Japanese gothic font. */
const MONO =
  'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", ' +
  '"Noto Sans Mono CJK JP", "IPAGothic", "MS Gothic", monospace';

/** The handout style sheet (without the per-page footer, see {@link pageFooterCss}). */
export const HANDOUT_CSS = `
:root {
  --jp-content-font-family: ${SANS};
  --jp-ui-font-family: ${SANS};
  --jp-code-font-family: ${MONO};
  --jp-code-font-family-default: ${MONO};
  --jp-content-font-size1: 14px;
  --jp-ui-font-size1: 13px;
  --jp-code-font-size: 12px;
  --jp-cell-prompt-width: 0px;
  --jp-notebook-padding: 0;
}
html { background: #fff; }
body.jp-Notebook {
  box-sizing: content-box;
  max-width: ${CONTENT_WIDTH_MM}mm;
  margin: 0 auto;
  padding: 16px;
  overflow: visible;
  color: #1f2328;
  font-family: var(--jp-content-font-family);
  line-height: 1.55;
}
:lang(ja) body.jp-Notebook { line-height: 1.7; }

/* The strip at the top: where the handout comes from. */
.nsbook-handout-header {
  display: flex; justify-content: space-between; gap: 1em;
  font-size: 11px; color: #57606a; border-bottom: 1px solid #d0d7de;
  padding-bottom: 4px; margin-bottom: 12px;
}

/* Cells: no prompts, no collapsers, nothing hidden behind a scroll bar. */
.jp-Cell { padding: 0; margin: 0 0 10px 0; overflow: visible; }
.jp-Cell-inputWrapper, .jp-Cell-outputWrapper { display: block; }
.jp-InputPrompt, .jp-OutputPrompt, .jp-Collapser, .jp-InputArea-prompt, .jp-OutputArea-prompt { display: none !important; }
.jp-InputArea, .jp-InputArea-editor, .jp-OutputArea, .jp-Cell-outputArea { overflow: visible !important; }
.jp-OutputArea-child { display: block; width: auto; }
.jp-OutputArea-output { display: block; width: auto; overflow: visible; }

/* Markdown. */
.jp-RenderedMarkdown { font-size: var(--jp-content-font-size1); }
.jp-RenderedHTMLCommon h1 { font-size: 1.7em; margin: 0.2em 0 0.6em; padding-bottom: 0.2em; border-bottom: 2px solid #d0d7de; }
.jp-RenderedHTMLCommon h2 { font-size: 1.35em; margin: 1.2em 0 0.5em; padding-bottom: 0.15em; border-bottom: 1px solid #d0d7de; }
.jp-RenderedHTMLCommon h3 { font-size: 1.12em; margin: 1em 0 0.4em; }
.jp-RenderedHTMLCommon p, .jp-RenderedHTMLCommon li { text-align: left; }
.jp-RenderedHTMLCommon :not(pre) > code {
  font-family: var(--jp-code-font-family); font-size: 0.88em;
  background: #f0f2f4; padding: 0.1em 0.3em; border-radius: 3px; overflow-wrap: anywhere;
}
.jp-RenderedHTMLCommon kbd {
  font-family: var(--jp-code-font-family); font-size: 0.85em;
  border: 1px solid #c8ccd0; border-bottom-width: 2px; border-radius: 3px; padding: 0 0.3em;
}
.jp-RenderedHTMLCommon blockquote { border-left: 4px solid #d0d7de; margin: 0.5em 0; padding: 0.2em 0.8em; color: #424a53; background: #f6f8fa; }
.jp-RenderedHTMLCommon a { color: #0969da; }

/* Code: a light box, long lines wrap (paper cannot scroll). */
.jp-InputArea-editor { border: 1px solid #d8dee4; border-radius: 4px; background: #f6f8fa !important; }
.jp-InputArea-editor .highlight { margin: 0; background: transparent; }
.jp-InputArea-editor pre, .jp-RenderedText pre, .jp-RenderedHTMLCommon pre, .jp-OutputArea-output pre {
  font-family: var(--jp-code-font-family);
  font-size: var(--jp-code-font-size);
  line-height: 1.45;
  white-space: pre-wrap !important;
  overflow-wrap: anywhere;
  word-break: normal;
  overflow: visible !important;
}
.jp-InputArea-editor pre { padding: 6px 10px !important; margin: 0; }
.jp-OutputArea { margin-top: 4px; }
.jp-RenderedText { padding-left: 10px; }
.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"] { background: #fdf0f0; border-left: 4px solid #cf222e; padding: 4px 10px; }

/* Tables: left-aligned, ruled; wide ones are scaled or wrapped by the fitting script. */
.jp-RenderedHTMLCommon table { margin: 0.4em 0 0.8em 0; table-layout: auto; font-size: 12px; }
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th, .jp-RenderedHTMLCommon tr { text-align: left !important; vertical-align: top; }
.jp-RenderedMarkdown table th { border-bottom: 2px solid #57606a; background: #f3f4f6; }
.jp-RenderedMarkdown table td { border-bottom: 1px solid #d0d7de; }
.jp-RenderedHTMLCommon tbody tr:nth-child(even) { background: #fafbfc; }
.jp-RenderedHTMLCommon caption { caption-side: top; text-align: left; font-weight: 600; }
/* Cells break lines at spaces only (inline styles that allow breaking anywhere are overridden), so paths
   and ids stay whole; a table that then overflows is scaled down, and only below MIN_TABLE_ZOOM may its
   cells break anywhere (class set by the fitting script). */
.jp-OutputArea-output td, .jp-OutputArea-output th, .jp-RenderedMarkdown td, .jp-RenderedMarkdown th {
  overflow-wrap: normal !important; word-break: normal !important;
}
/* Headers keep Japanese words whole too (no 直/し/方 stacked one character per line). */
.jp-OutputArea-output th, .jp-RenderedMarkdown th { word-break: keep-all !important; }
table.nsbook-fit-wrap td, table.nsbook-fit-wrap th { overflow-wrap: anywhere !important; }

/* Images (charts) never wider than the page. */
.jp-OutputArea-output img, .jp-RenderedImage img { max-width: 100%; height: auto; }
.jp-RenderedImage { text-align: left; }

@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
@media print {
  body.jp-Notebook { max-width: none; width: auto; margin: 0; padding: 0; }
  .jp-RenderedHTMLCommon h1, .jp-RenderedHTMLCommon h2, .jp-RenderedHTMLCommon h3, .jp-RenderedHTMLCommon h4 { break-after: avoid; }
  .jp-Cell { break-inside: auto; }
  .jp-CodeCell .jp-InputArea, .jp-RenderedImage, .jp-OutputArea-child, tr, img, .nsbook-check { break-inside: avoid; }
  /* Blocks taller than half a page may break (set by the fitting script), or they leave half-empty pages. */
  .nsbook-tall { break-inside: auto !important; }
  table.nsbook-keep { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`;

function cssString(text: string): string {
  // Backslash-escape quotes; `<` as a CSS escape so a title can never close the <style> element.
  return `"${text
    .replace(/[\\"]/g, "\\$&")
    .replace(/[\n\r]/g, " ")
    .replace(/</g, "\\3c ")}"`;
}

/** The page footer: the handout's title bottom left, "page / pages" bottom right (CSS page margin boxes). */
export function pageFooterCss(title: string): string {
  const box = "font-family: sans-serif; font-size: 8pt; color: #57606a;";
  return `@page {
  @bottom-left { content: ${cssString(title)}; ${box} }
  @bottom-right { content: counter(page) " / " counter(pages); ${box} }
}`;
}
