// A status as symbol + word + colour: "✓ ok", "! warning", "✗ failed", "i info".
import { currentLang, type Lang } from "../i18n/index.js";
import { escapeHtml } from "./escape-html.js";
import { STATUS_COLORS } from "./styles.js";

/** Outcome of a check or a row. */
export type Status = "ok" | "warn" | "fail" | "info";

const SYMBOLS: Record<Status, string> = { ok: "✓", warn: "!", fail: "✗", info: "i" };

const WORDS: Record<Lang, Record<Status, string>> = {
  en: { ok: "ok", warn: "warning", fail: "failed", info: "info" },
  ja: { ok: "OK", warn: "注意", fail: "不可", info: "情報" },
};

/** The status as plain text, e.g. "✓ ok". */
export function statusText(status: Status, lang: Lang = currentLang(), word = WORDS[lang][status]): string {
  return `${SYMBOLS[status]} ${word}`;
}

/** The status as coloured HTML with symbol and word; `label` replaces the default word. */
export function statusMark(status: Status, label?: string, lang: Lang = currentLang()): string {
  const text = escapeHtml(statusText(status, lang, label ?? WORDS[lang][status]));
  return `<span style="color:${STATUS_COLORS[status]};font-weight:600;white-space:nowrap">${text}</span>`;
}

/** True for the four status words. */
export function isStatus(v: unknown): v is Status {
  return v === "ok" || v === "warn" || v === "fail" || v === "info";
}
