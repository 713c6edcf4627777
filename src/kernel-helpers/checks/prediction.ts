// Predict, then run: the learner writes down what they expect, the cell compares it with what the kernel
// did. A prediction not yet written is a prompt, never a failure, so a notebook run from the top stays green.
import { showHtml } from "../display/index.js";
import { currentLang, type Lang, type Localized, localize } from "../i18n/index.js";
import { escapeHtml } from "../render/escape-html.js";
import { statusMark } from "../render/status-mark.js";
import { LIGHT_BACKGROUNDS, MONO_STYLE, NO_MATH_CLASS, onLight, STATUS_COLORS } from "../render/styles.js";
import { check } from "./check.js";

/** What a learner may predict: a number, a word, yes/no. */
export type Prediction = string | number | boolean;

/** Options of {@link checkPrediction}. */
export interface PredictionOptions {
  /** Stable id of the check. @default the English title */
  id?: string;
  /** The variable the learner fills in, named in the prompt. @default "myPrediction" */
  variable?: string;
  /** Language of the shown text. @default currentLang() */
  lang?: Lang;
}

const WORDS = {
  prompt: {
    en: "Write your prediction in {var} (it is still empty), run the cell again, then open the answer below.",
    ja: "{var} に予想を書いて（まだ空です）、もう一度セルを実行してから、下の答えを開いてください。",
  },
  notYet: { en: "your prediction", ja: "予想" },
  wrong: {
    en: "you predicted {p}; the kernel says {a}. The answer below explains why.",
    ja: "予想は {p}、カーネルの答えは {a} でした。理由は下の答えにあります。",
  },
} as const;

/** A prediction is unanswered while undefined, null, "" or "?". */
export function isUnanswered(p: Prediction | null | undefined): p is null | undefined {
  return p === undefined || p === null || (typeof p === "string" && ["", "?"].includes(p.trim()));
}

/** Whether a prediction matches what happened: numbers by value, words case- and space-insensitively. */
export function predictionMatches(predicted: Prediction, actual: Prediction): boolean {
  if (typeof actual === "number") return Number(predicted) === actual;
  if (typeof actual === "boolean") {
    if (typeof predicted === "boolean") return predicted === actual;
    const word = String(predicted).trim().toLowerCase();
    return actual ? ["yes", "true", "はい"].includes(word) : ["no", "false", "いいえ"].includes(word);
  }
  const norm = (v: Prediction) => String(v).trim().replace(/\s+/g, " ").toLowerCase();
  return norm(predicted) === norm(actual);
}

/** The HTML of the prompt shown while no prediction is written (pure). */
export function renderPredictionPrompt(title: string, variable: string, lang: Lang = currentLang()): string {
  const prompt = escapeHtml(localize(WORDS.prompt, lang)).replace(
    "{var}",
    `<code style="${MONO_STYLE}">${escapeHtml(variable)}</code>`,
  );
  const box = `border-left:5px solid ${STATUS_COLORS.info};padding:6px 10px;margin:4px 0;${onLight(LIGHT_BACKGROUNDS.info)}`;
  return `<div class="nsbook-prediction ${NO_MATH_CLASS}" style="${box}">${statusMark("info", localize(WORDS.notYet, lang), lang)} &nbsp;${escapeHtml(title)}<div style="margin-top:4px">${prompt}</div></div>`;
}

/**
 * Compares the learner's prediction with what happened. Unanswered: shows a prompt (no check, nothing for
 * the tests to fail on). Answered: a self-check, ✓ when right, ✗ with both values when not.
 */
export async function checkPrediction(
  title: Localized,
  predicted: Prediction | null | undefined,
  actual: Prediction,
  options: PredictionOptions = {},
): Promise<void> {
  const lang = options.lang ?? currentLang();
  if (isUnanswered(predicted)) {
    showHtml(renderPredictionPrompt(localize(title, lang), options.variable ?? "myPrediction", lang));
    return;
  }
  const hint = localize(WORDS.wrong, lang)
    .replace("{p}", JSON.stringify(predicted))
    .replace("{a}", JSON.stringify(actual));
  await check(title, predictionMatches(predicted, actual), hint, { id: options.id, lang });
}
