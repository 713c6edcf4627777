// Text with `backticked` commands, as HTML: escaped, the backticked parts in a code font.
import { escapeHtml } from "./escape-html.js";
import { CODE_STYLE } from "./styles.js";

/** Escapes `text` and shows each `backticked` part as code (doctor's details and fixes are written so). */
export function inlineCodeHtml(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part) =>
      part.length > 2 && part.startsWith("`") && part.endsWith("`")
        ? `<code style="${CODE_STYLE}">${escapeHtml(part.slice(1, -1))}</code>`
        : escapeHtml(part),
    )
    .join("");
}
