// A block set apart by a coloured bar on its left, for what the learner must read before going on: a notebook
// that cannot run here, a refusal, a fallback. One look for all of them, coloured by status like the marks.
import type { Status } from "./status-mark.js";
import { LIGHT_BACKGROUNDS, NO_MATH_CLASS, onLight, STATUS_COLORS } from "./styles.js";

const BACKGROUNDS: Record<Status, string> = {
  ok: LIGHT_BACKGROUNDS.passed,
  warn: LIGHT_BACKGROUNDS.highlight,
  fail: LIGHT_BACKGROUNDS.failed,
  info: LIGHT_BACKGROUNDS.info,
};

/**
 * `innerHtml` (already escaped) in a callout coloured by `status` (pure). `preWrap` keeps the text's own line
 * breaks (messages of several lines).
 */
export function calloutHtml(status: Status, innerHtml: string, options: { preWrap?: boolean } = {}): string {
  const style = [
    "margin:6px 0",
    `border-left:5px solid ${STATUS_COLORS[status]}`,
    "padding:6px 10px",
    ...(options.preWrap ? ["white-space:pre-wrap"] : []),
    onLight(BACKGROUNDS[status]),
  ].join(";");
  return `<div class="${NO_MATH_CLASS}" style="${style}">${innerHtml}</div>`;
}
