// The language a notebook is written in, so helper-made text (headings, marks, hints) matches it.
import { basename } from "node:path";
import { isLang, type Lang, type Localized, textIn } from "../../lib/index.js";

export type { Lang, Localized };

let forced: Lang | undefined;

/**
 * The current language: set by {@link setLang}, else `NSBOOK_LANG`, else the kernel's working directory
 * (the notebook's folder: `notebooks/ja` -> "ja"), else "en". Code cells are identical across languages,
 * so this is how a shared cell still speaks the notebook's language.
 */
export function currentLang(): Lang {
  if (forced) return forced;
  const env = process.env.NSBOOK_LANG;
  if (isLang(env)) return env;
  const dir = basename(process.cwd());
  return isLang(dir) ? dir : "en";
}

/** Forces the language (tests, or a learner who wants the other one); `undefined` restores detection. */
export function setLang(lang: Lang | undefined): void {
  if (lang !== undefined && !isLang(lang)) {
    throw new TypeError(`setLang: lang must be "en" or "ja", got ${JSON.stringify(lang)}`);
  }
  forced = lang;
}

/** Picks the text for `lang` (default: the current language). */
export function localize(text: Localized, lang: Lang = currentLang()): string {
  return textIn(text, lang);
}
