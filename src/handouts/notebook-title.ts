// A handout's title: the notebook's first Markdown heading, as plain text.
import { type Notebook, textOf } from "./notebook-json.js";

const HEADING = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;

/** Markdown inline markup removed: emphasis, code spans, links, images, HTML tags, escapes. */
export function plainMarkdownText(text: string): string {
  return (
    text
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/<[^>]+>/g, "")
      .replace(/`([^`]*)`/g, "$1")
      .replace(/\*\*(.+?)\*\*/g, "$1")
      .replace(/\*(\S(?:.*?\S)?)\*/g, "$1")
      // `_` emphasizes only at word edges: max_user_namespaces stays as it is.
      .replace(/(^|\W)__(\S(?:.*?\S)?)__(?!\w)/g, "$1$2")
      .replace(/(^|\W)_(\S(?:.*?\S)?)_(?!\w)/g, "$1$2")
      .replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** The first ATX heading (`# ...`) in a Markdown text outside code fences, as plain text. */
export function firstHeading(markdown: string): string | undefined {
  let inFence = false;
  for (const line of markdown.split("\n")) {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) continue;
    const m = HEADING.exec(line);
    if (m?.[1]) {
      const text = plainMarkdownText(m[1]);
      if (text) return text;
    }
  }
  return undefined;
}

/** The title of a notebook: its first Markdown heading, else `fallback` (usually the file name). */
export function notebookTitle(nb: Notebook, fallback: string): string {
  for (const cell of nb.cells) {
    if (cell.cell_type !== "markdown") continue;
    const heading = firstHeading(textOf(cell.source));
    if (heading) return heading;
  }
  return fallback;
}
