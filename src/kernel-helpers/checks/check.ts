// Self-checks: a cell states what should be true, the learner sees ✓ or ✗ with a hint, and the
// notebook tests see the same result through the marker.
import { showHtml } from "../display/index.js";
import { currentLang, type Lang, type Localized, localize } from "../i18n/index.js";
import { escapeHtml } from "../render/escape-html.js";
import { statusMark } from "../render/status-mark.js";
import { LIGHT_BACKGROUNDS, MONO_STYLE, NO_MATH_CLASS, onLight, STATUS_COLORS } from "../render/styles.js";
import { CHECK_FAILED_PREFIX, checkMarkerAttributes } from "./marker.js";

/** What a check tests: a value, or a function (sync or async) computing it. */
export type Condition = boolean | (() => boolean | Promise<boolean>);

/** The outcome of one check. */
export interface CheckResult {
  /** Stable id: `options.id`, else the English title. */
  id: string;
  /** Title in the notebook's language. */
  title: string;
  passed: boolean;
  /** Hint shown on failure, in the notebook's language. */
  hint?: string;
  /** Message of the error the condition threw, if it did. */
  error?: string;
}

/** Options of {@link check}. */
export interface CheckOptions {
  /** Stable id the notebook tests look for. @default the English title */
  id?: string;
  /** Show the block. @default true */
  show?: boolean;
  /** Language of the shown text. @default currentLang() */
  lang?: Lang;
}

const results = new Map<string, CheckResult>();

const WORDS = {
  passed: { en: "passed", ja: "合格" },
  failed: { en: "failed", ja: "不合格" },
  hint: { en: "Hint", ja: "ヒント" },
  error: { en: "Error", ja: "エラー" },
} as const;

function idOf(title: Localized, options: CheckOptions): string {
  if (options.id !== undefined) return options.id;
  return typeof title === "string" ? title : title.en;
}

async function evaluate(condition: Condition): Promise<{ passed: boolean; error?: string }> {
  try {
    const v = typeof condition === "function" ? await condition() : condition;
    if (typeof v !== "boolean") {
      return { passed: false, error: `the condition returned ${typeof v}, not true or false` };
    }
    return { passed: v };
  } catch (e) {
    return { passed: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The HTML block of a check result (pure). */
export function renderCheck(result: CheckResult, lang: Lang = currentLang()): string {
  const color = result.passed ? STATUS_COLORS.ok : STATUS_COLORS.fail;
  const mark = statusMark(
    result.passed ? "ok" : "fail",
    localize(result.passed ? WORDS.passed : WORDS.failed, lang),
    lang,
  );
  const lines = [`${mark} &nbsp;${escapeHtml(result.title)}`];
  if (!result.passed && result.error) {
    lines.push(
      `<div style="margin-top:4px"><b>${localize(WORDS.error, lang)}:</b> <span style="${MONO_STYLE};white-space:pre-wrap">${escapeHtml(result.error)}</span></div>`,
    );
  }
  if (!result.passed && result.hint) {
    lines.push(
      `<div style="margin-top:4px"><b>${localize(WORDS.hint, lang)}:</b> ${escapeHtml(result.hint)}</div>`,
    );
  }
  const box = `border-left:5px solid ${color};padding:6px 10px;margin:4px 0;${onLight(result.passed ? LIGHT_BACKGROUNDS.passed : LIGHT_BACKGROUNDS.failed)}`;
  return `<div class="nsbook-check ${NO_MATH_CLASS}" ${checkMarkerAttributes({ id: result.id, passed: result.passed })} style="${box}">${lines.join("")}</div>`;
}

/**
 * Checks `condition` and shows ✓ or ✗ with the title (and the hint when it fails). A condition that
 * throws or returns a non-boolean fails, showing why. A failed check also writes
 * `NSBOOK-CHECK-FAILED: <id>` to stderr, so no test run can miss it.
 *
 * Resolves with nothing, on purpose: tslab prints the value of a cell's last expression, and a bare
 * `true` under every check would clutter the page. The result is in {@link checkResults}.
 */
export async function check(
  title: Localized,
  condition: Condition,
  hint?: Localized,
  options: CheckOptions = {},
): Promise<void> {
  if (title === undefined || title === null || localize(title, "en").trim() === "") {
    throw new TypeError("check: title must be a non-empty string or { en, ja }");
  }
  const lang = options.lang ?? currentLang();
  const { passed, error } = await evaluate(condition);
  const result: CheckResult = {
    id: idOf(title, options),
    title: localize(title, lang),
    passed,
    hint: hint === undefined ? undefined : localize(hint, lang),
    error,
  };
  results.delete(result.id);
  results.set(result.id, result);
  if (options.show ?? true) showHtml(renderCheck(result, lang));
  if (!passed) process.stderr.write(`${CHECK_FAILED_PREFIX}${result.id}\n`);
}

/** The latest result of every check run in this kernel, in the order they last ran. */
export function checkResults(): CheckResult[] {
  return [...results.values()];
}

/** Forgets all recorded results (e.g. at the top of a notebook). */
export function resetChecks(): void {
  results.clear();
}
