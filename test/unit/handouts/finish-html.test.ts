import { describe, expect, it } from "vitest";
import { finishHandoutHtml, stripExternalResources } from "../../../src/handouts/index.js";

/** The shape of nbconvert 6.5's "lab" template output on Debian (CSS cut short). */
function debianLabHtml(body: string): string {
  return `<!DOCTYPE html>
<html>
<head><meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0">

<title>00-preflight</title><script src="file:///usr/share/javascript/requirejs/require.min.js"></script>

<style type="text/css">
.jp-Notebook { padding: var(--jp-notebook-padding); }
</style>

<!-- Load mathjax -->
    <script src="file:///usr/share/javascript/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"> </script>
    <!-- MathJax configuration -->
    <script type="text/x-mathjax-config">
    init_mathjax = function() {
        if (window.MathJax) {
            MathJax.Hub.Config({ tex2jax: { inlineMath: [ ['$','$'], ["\\\\(","\\\\)"] ] } });
            MathJax.Hub.Queue(["Typeset", MathJax.Hub]);
        }
    }
    init_mathjax();
    </script>
    <!-- End of mathjax configuration --></head>
<body class="jp-Notebook" data-jp-theme-light="true" data-jp-theme-name="JupyterLab Light">
${body}
</body>
</html>
`;
}

/** pip's nbconvert 7 loads the same things from a CDN. */
const CDN_HEAD = `<html><head>
<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js"></script>
<link rel="stylesheet" href="https://unpkg.com/some.css">
<script type="text/x-mathjax-config">MathJax.Hub.Config({});</script>
<script src="https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/MathJax.js?config=TeX-AMS_CHTML-full,Safe"></script>
<title>x</title></head><body class="jp-Notebook"><p>$HOME and $PATH</p></body></html>`;

const OPTIONS = {
  title: "00 · Preflight: can this machine run the course?",
  lang: "en",
  headerLeft: "nsbook · en/00-preflight",
  headerRight: "2025-01-31 14:05 UTC+09:00",
};

describe("stripExternalResources", () => {
  it("removes Debian's file:// MathJax and require.js and the MathJax configuration", () => {
    const out = stripExternalResources(debianLabHtml("<p>x</p>"));
    expect(out).not.toMatch(/mathjax/i);
    expect(out).not.toContain("require.min.js");
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain(".jp-Notebook { padding");
  });

  it("removes scripts and style sheets loaded from a CDN", () => {
    const out = stripExternalResources(CDN_HEAD);
    expect(out).not.toMatch(/https?:/);
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain("$HOME and $PATH");
  });

  it("keeps scripts written into the page and links that are not style sheets", () => {
    const html = '<script>var inline = 1;</script><a href="https://example.org">x</a>';
    expect(stripExternalResources(html)).toBe(html);
  });
});

describe("finishHandoutHtml", () => {
  const body =
    '<div class="jp-Cell jp-CodeCell"><div class="jp-OutputArea-output"><img src="data:image/png;base64,iVBORw0KGgo="></div></div>';
  const out = finishHandoutHtml(debianLabHtml(body), OPTIONS);

  it("sets the title from the notebook's heading, escaped", () => {
    expect(out).toContain("<title>00 · Preflight: can this machine run the course?</title>");
    const tricky = finishHandoutHtml(debianLabHtml(""), { ...OPTIONS, title: "<b>&</b>" });
    expect(tricky).toContain("<title>&#60;b&#62;&#38;&#60;/b&#62;</title>");
  });

  it("marks the page's language", () => {
    expect(finishHandoutHtml(debianLabHtml(""), { ...OPTIONS, lang: "ja" })).toMatch(
      /^<!DOCTYPE html>\n<html lang="ja">/,
    );
  });

  it("adds the handout style after the template's, so it wins", () => {
    const template = out.indexOf(".jp-Notebook { padding");
    const ours = out.indexOf('<style id="nsbook-handout-style">');
    expect(template).toBeGreaterThan(0);
    expect(ours).toBeGreaterThan(template);
    expect(ours).toBeLessThan(out.indexOf("</head>"));
    expect(out).toContain("size: A4");
  });

  it("puts the title into the page footer as a CSS string that cannot close the style element", () => {
    const page = finishHandoutHtml(debianLabHtml(""), { ...OPTIONS, title: 'a "quoted" </style> title' });
    expect(page).toContain('@bottom-left { content: "a \\"quoted\\" \\3c /style> title";');
    expect(page.match(/<\/style>/g)?.length).toBe(2);
  });

  it("adds the header strip at the top of the body and the table-fitting script at the end", () => {
    expect(out).toMatch(
      /<body[^>]*>\n<header class="nsbook-handout-header"><span>nsbook · en\/00-preflight<\/span>/,
    );
    expect(out).toMatch(/<script id="nsbook-fit-tables">[\s\S]*<\/script>\n<\/body>/);
  });

  it("keeps embedded images and loads nothing from elsewhere", () => {
    expect(out).toContain("data:image/png;base64,iVBORw0KGgo=");
    expect(out).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(out).not.toMatch(/file:\/\//);
  });

  it("fails loudly on HTML that is not nbconvert's page", () => {
    expect(() => finishHandoutHtml("<p>fragment</p>", OPTIONS)).toThrow(/no <\/head>/);
  });
});
