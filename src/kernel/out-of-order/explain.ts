// The message a learner reads instead of TypeScript's "Cannot find name 'box'" when a cell runs before the
// cells that declare what it uses: which cell declares each name (its number, as JupyterLab's status bar
// counts, and the heading it sits under), and what to run.
import type { Lang } from "../../kernel-helpers/i18n/index.js";
import { declaredNames } from "./declarations.js";
import { type NotebookFile, sameSource } from "./notebook-file.js";

/** Names declared by one cell, for the message. */
interface Declarer {
  /** 0-based index among all the notebook's cells. */
  index: number;
  heading: string | undefined;
  names: string[];
}

/**
 * The markdown headings of one cell's text (`# ...` lines outside fenced code blocks, levels 1 to `maxLevel`),
 * without their marks.
 */
export function markdownHeadings(markdown: string, maxLevel = 6): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (f && (fence === undefined || f.startsWith(fence))) {
      fence = fence === undefined ? f : undefined;
      continue;
    }
    if (fence === undefined && new RegExp(`^#{1,${maxLevel}}\\s`).test(line))
      out.push(
        line
          .replace(/^#+\s*/, "")
          .replace(/\s#+\s*$/, "")
          .trim(),
      );
  }
  return out;
}

/** The text of the last heading of the nearest markdown cell above `index` that has one. */
export function headingAbove(cells: NotebookFile["cells"], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const cell = cells[i];
    if (cell?.type !== "markdown") continue;
    const last = markdownHeadings(cell.source).at(-1);
    if (last) return last;
  }
  return undefined;
}

function where(d: Declarer, lang: Lang): string {
  const n = d.index + 1;
  if (lang === "ja") return d.heading ? `セル ${n}、「${d.heading}」` : `セル ${n}`;
  return d.heading ? `cell ${n}, under “${d.heading}”` : `cell ${n}`;
}

function nameList(names: string[], lang: Lang): string {
  const quoted = names.map((n) => `\`${n}\``);
  if (lang === "ja" || quoted.length === 1) return quoted.join("、");
  return `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
}

const RUN_ABOVE = "Run ▸ Run All Above Selected Cell";

/**
 * Explains missing `names` by the cells of `notebook` that declare them. Undefined when no cell of the notebook
 * declares any of them (then TypeScript's own message is the right one: a typo, a missing import).
 * `explained` lists the names the message covers.
 */
export function explainMissingNames(
  names: readonly string[],
  notebook: NotebookFile,
  cellSource: string,
  lang: Lang,
): { text: string; explained: string[] } | undefined {
  const current = notebook.cells.findIndex((c) => c.type === "code" && sameSource(c.source, cellSource));
  const declared = notebook.cells.map((c, i) =>
    c.type === "code" && i !== current ? declaredNames(c.source) : new Set<string>(),
  );
  const byCell = new Map<number, Declarer>();
  for (const name of new Set(names)) {
    const candidates = declared.flatMap((set, i) => (set.has(name) ? [i] : []));
    if (candidates.length === 0) continue;
    // The nearest declaration above this cell (a name declared again later is a later step's), else the first.
    const above = current >= 0 ? candidates.filter((i) => i < current) : candidates;
    const index = above.at(-1) ?? (candidates[0] as number);
    const d = byCell.get(index) ?? { index, heading: headingAbove(notebook.cells, index), names: [] };
    d.names.push(name);
    byCell.set(index, d);
  }
  if (byCell.size === 0) return undefined;
  const declarers = [...byCell.values()].sort((a, b) => a.index - b.index);
  const explained = declarers.flatMap((d) => d.names);
  const allAbove = current < 0 || declarers.every((d) => d.index < current);
  const single = declarers.length === 1 ? declarers[0] : undefined;

  // Short lines (JupyterLab wraps stream output at the cell's width, mid-word): what to do first and last.
  if (lang === "ja") {
    const which = allAbove ? "前のセル" : "別のセル";
    const first = allAbove ? "先に上のセルを実行してください" : "先にそのセルを実行してください";
    const last = allAbove
      ? `${RUN_ABOVE} のあと、このセルをもう一度実行してください。`
      : "そのあと、このセルをもう一度実行してください。";
    if (single) {
      const text = [
        `${nameList(single.names, lang)} はこのノートブックの${which}（${where(single, lang)}）で定義されていますが、`,
        "そのセルはこのカーネルでまだ実行されていないか、エラーで終わりました。",
        `${first}：${last}`,
      ].join("\n");
      return { text, explained };
    }
    const lines = declarers.map((d) => `  ${nameList(d.names, lang)}：${where(d, lang)}`);
    const text = [
      `${first}。このセルが使う名前はこのノートブックの${which}で定義されていますが、`,
      "それらのセルはこのカーネルでまだ実行されていないか、エラーで終わりました：",
      ...lines,
      last,
    ].join("\n");
    return { text, explained };
  }

  const first = allAbove ? "Run the cells above first" : "Run those cells first";
  const last = allAbove ? `${RUN_ABOVE}, then this cell again.` : "Then run this cell again.";
  if (single) {
    const verb = single.names.length === 1 ? "is" : "are";
    const text = [
      `${nameList(single.names, lang)} ${verb} defined by ${allAbove ? "an earlier" : "another"} cell of this notebook (${where(single, lang)}),`,
      "which has not run in this kernel yet, or failed.",
      allAbove ? `${first}: ${last}` : "Run that cell first, then this one again.",
    ].join("\n");
    return { text, explained };
  }
  const lines = declarers.map((d) => `  ${nameList(d.names, lang)}: ${where(d, lang)}`);
  const text = [
    `${first}: this cell uses names that ${allAbove ? "earlier" : "other"} cells of this notebook define,`,
    "and they have not run in this kernel yet, or failed:",
    ...lines,
    last,
  ].join("\n");
  return { text, explained };
}
