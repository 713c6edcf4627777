// Style of the handouts' index page (a TypeScript string so `tsc` carries it into dist/).

/** The index page's style sheet. */
export const INDEX_CSS = `
body {
  max-width: 186mm; margin: 0 auto; padding: 24px 16px; color: #1f2328; line-height: 1.5;
  font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial,
    "Hiragino Sans", "Yu Gothic", Meiryo, "Noto Sans CJK JP", "IPAPGothic", sans-serif;
}
h1 { font-size: 1.6em; border-bottom: 2px solid #d0d7de; padding-bottom: 0.2em; }
h2 { font-size: 1.25em; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th { text-align: left; border-bottom: 2px solid #57606a; background: #f3f4f6; padding: 6px 10px; }
td { text-align: left; border-bottom: 1px solid #d0d7de; padding: 6px 10px; vertical-align: top; }
a { color: #0969da; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
.muted { color: #57606a; font-weight: normal; }
.file { font-size: 12px; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.ok { color: #1a7f37; }
.fail { color: #cf222e; font-weight: 600; }
@page { size: A4; margin: 14mm 12mm; }
`;
