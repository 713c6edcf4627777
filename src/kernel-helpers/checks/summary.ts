// A table of every check run so far, with a one-line verdict.
import { showHtml } from "../display/index.js";
import { currentLang, type Lang } from "../i18n/index.js";
import { htmlTable } from "../render/html-table.js";
import { statusMark } from "../render/status-mark.js";
import { NO_MATH_CLASS } from "../render/styles.js";
import { type CheckResult, checkResults } from "./check.js";

/** Counts of a summary. */
export interface ChecksSummary {
  passed: number;
  failed: number;
  total: number;
  failedIds: string[];
}

const WORDS = {
  caption: { en: "Self-checks", ja: "セルフチェック" },
  result: { en: "result", ja: "結果" },
  check: { en: "check", ja: "チェック" },
  hint: { en: "hint", ja: "ヒント" },
  allPassed: {
    en: (n: number) => `All ${n} checks passed.`,
    ja: (n: number) => `${n} 件のチェックすべてに合格しました。`,
  },
  someFailed: {
    en: (f: number, n: number) =>
      `${f} of ${n} checks failed: re-run the cells above them after following the hints.`,
    ja: (f: number, n: number) =>
      `${n} 件中 ${f} 件が不合格です。ヒントに従ってから、上のセルを実行し直してください。`,
  },
  none: { en: "No checks have run yet.", ja: "まだチェックを実行していません。" },
} as const;

/** Counts the results (pure). */
export function summarize(results: readonly CheckResult[]): ChecksSummary {
  const failed = results.filter((r) => !r.passed);
  return {
    passed: results.length - failed.length,
    failed: failed.length,
    total: results.length,
    failedIds: failed.map((r) => r.id),
  };
}

/** The summary table's HTML (pure). */
export function renderChecksSummary(results: readonly CheckResult[], lang: Lang = currentLang()): string {
  const s = summarize(results);
  const verdict =
    s.total === 0
      ? statusMark("info", WORDS.none[lang], lang)
      : s.failed === 0
        ? statusMark("ok", WORDS.allPassed[lang](s.total), lang)
        : statusMark("fail", WORDS.someFailed[lang](s.failed, s.total), lang);
  const table = htmlTable(
    results,
    [
      { header: WORDS.result, value: (r) => (r.passed ? "ok" : "fail"), format: "status" },
      { header: WORDS.check, key: "title" },
      { header: WORDS.hint, value: (r) => (r.passed ? "" : (r.error ?? r.hint ?? "")) },
    ],
    { caption: WORDS.caption, highlight: (r) => !r.passed, lang },
  );
  return `<div class="nsbook-checks-summary ${NO_MATH_CLASS}" data-nsbook-checks-passed="${s.passed}" data-nsbook-checks-total="${s.total}">${table}<div style="margin:4px 0">${verdict}</div></div>`;
}

/**
 * Shows every check run in this kernel so far. Returns nothing, so that a cell ending with it prints no
 * object; {@link summarize} of {@link checkResults} gives the counts.
 */
export function checksSummary(lang: Lang = currentLang()): void {
  showHtml(renderChecksSummary(checkResults(), lang));
}
