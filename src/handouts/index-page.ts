// The index page (index.html) of the handouts folder: one section per language, a row per handout with
// links to its HTML and PDF. Self-contained like the handouts.
import { escapeHtml } from "../kernel-helpers/index.js";
import { INDEX_CSS } from "./assets/index-css.js";
import { type HandoutEntry, sortEntries } from "./handout-entry.js";

const LANG_NAMES: Readonly<Record<string, string>> = { ja: "日本語", en: "English" };

/** Words of the index page, in the language of each section. */
const WORDS: Readonly<
  Record<
    string,
    {
      handout: string;
      pdf: string;
      status: string;
      ok: string;
      failed: (cells: number[]) => string;
      pages: (n: number) => string;
    }
  >
> = {
  en: {
    handout: "Handout",
    pdf: "PDF",
    status: "Run",
    ok: "✓ ran cleanly",
    failed: (cells) => `✗ failed (cell ${cells.join(", ")})`,
    pages: (n) => `${n} page${n === 1 ? "" : "s"}`,
  },
  ja: {
    handout: "配布資料",
    pdf: "PDF",
    status: "実行",
    ok: "✓ 問題なし",
    failed: (cells) => `✗ 失敗（セル ${cells.join(", ")}）`,
    pages: (n) => `${n} ページ`,
  },
};

function wordsFor(lang: string) {
  return WORDS[lang] ?? (WORDS.en as NonNullable<(typeof WORDS)["en"]>);
}

/** A relative link target, each path segment URL-encoded. */
function href(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function row(e: HandoutEntry): string {
  const w = wordsFor(e.lang);
  const pdf = e.pdf
    ? `<a href="${href(e.pdf)}">PDF</a>${e.pages ? ` <span class="muted">(${escapeHtml(w.pages(e.pages))})</span>` : ""}`
    : `<span class="muted">—</span>`;
  const status = e.ok
    ? `<span class="ok">${escapeHtml(w.ok)}</span>`
    : `<span class="fail">${escapeHtml(w.failed(e.failedCells))}</span>`;
  return `<tr data-nsbook-handout="${escapeHtml(`${e.lang}/${e.name}`)}"><td><a href="${href(e.html)}">${escapeHtml(e.title)}</a><div class="muted file">${escapeHtml(e.name)}</div></td><td>${pdf}</td><td>${status}</td></tr>`;
}

function section(lang: string, entries: HandoutEntry[]): string {
  const w = wordsFor(lang);
  const heading = LANG_NAMES[lang] ?? lang;
  return [
    `<section lang="${escapeHtml(lang)}">`,
    `<h2>${escapeHtml(heading)}</h2>`,
    `<table><thead><tr><th>${escapeHtml(w.handout)}</th><th>${escapeHtml(w.pdf)}</th><th>${escapeHtml(w.status)}</th></tr></thead>`,
    `<tbody>${entries.map(row).join("")}</tbody></table>`,
    "</section>",
  ].join("\n");
}

/** Options of {@link renderIndexPage}. */
export interface IndexPageOptions {
  /** When the handouts were made, shown on the page (e.g. an ISO date). */
  generatedAt: string;
  /** The instructor's copy, with the exercises' answers: said in the title. @default false */
  answers?: boolean;
}

/** The index page's HTML. Pure. */
export function renderIndexPage(entries: readonly HandoutEntry[], options: IndexPageOptions): string {
  const sorted = sortEntries(entries);
  const langs = [...new Set(sorted.map((e) => e.lang))];
  const body =
    langs.length === 0
      ? `<p class="muted">No handouts yet: run <code>nsbook handouts</code>.</p>`
      : langs
          .map((lang) =>
            section(
              lang,
              sorted.filter((e) => e.lang === lang),
            ),
          )
          .join("\n");
  const copy = options.answers
    ? { title: "nsbook handouts with answers · 解答付き配布資料", command: "nsbook handouts --answers" }
    : { title: "nsbook handouts · 配布資料", command: "nsbook handouts" };
  const [en, ja] = copy.title.split(" · ");
  const whose = options.answers
    ? " This is the instructor's copy: it shows the exercises' answers, which the students' copy leaves out."
    : "";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${copy.title}</title>
<style>${INDEX_CSS}</style>
</head>
<body>
<h1>${en} <span class="muted">· ${ja}</span></h1>
<p class="muted">Made ${escapeHtml(options.generatedAt)} by <code>${copy.command}</code>. Each notebook was executed from the top; its outputs are the ones this machine produced.${whose}</p>
${body}
</body>
</html>
`;
}
