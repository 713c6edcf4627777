// "Do it yourself, then check": the learner changes something on the machine (a file, a mount, a link), the
// cell checks what the kernel now sees. Not attempted yet is a prompt, never a failure, so a notebook run
// from the top stays green; attempted is a real self-check.
import { showHtml } from "../display/index.js";
import { currentLang, type Lang, type Localized, localize } from "../i18n/index.js";
import { escapeHtml } from "../render/escape-html.js";
import { inlineCodeHtml } from "../render/inline-code.js";
import { statusMark } from "../render/status-mark.js";
import { LIGHT_BACKGROUNDS, NO_MATH_CLASS, onLight, STATUS_COLORS } from "../render/styles.js";
import { check } from "./check.js";

/** Options of {@link checkYourResult}. */
export interface YourResultOptions {
  /** Stable id of the check. @default the English title */
  id?: string;
  /** Language of the shown text. @default currentLang() */
  lang?: Lang;
}

/**
 * Checks the learner's own result. `attempted` false (nothing changed yet): shows `task` as a prompt and
 * records no check. `attempted` true: a self-check of `passed`, with `hint` when it fails.
 */
export async function checkYourResult(
  title: Localized,
  result: { attempted: boolean; passed: boolean },
  task: Localized,
  hint: Localized,
  options: YourResultOptions = {},
): Promise<void> {
  const lang = options.lang ?? currentLang();
  if (!result.attempted) {
    const notYet = localize({ en: "your turn", ja: "あなたの番" }, lang);
    const box = `border-left:5px solid ${STATUS_COLORS.info};padding:6px 10px;margin:4px 0;${onLight(LIGHT_BACKGROUNDS.info)}`;
    showHtml(
      `<div class="nsbook-prediction ${NO_MATH_CLASS}" style="${box}">${statusMark("info", notYet, lang)} &nbsp;${escapeHtml(localize(title, lang))}<div style="margin-top:4px">${inlineCodeHtml(localize(task, lang))}</div></div>`,
    );
    return;
  }
  await check(title, result.passed, hint, { id: options.id, lang });
}
