// Text in the course's two languages. The library speaks English (the CLI, --json, errors); where a learner
// also reads a message in a Japanese notebook (doctor's report), it carries the Japanese beside it.

/** Languages the course is written in. */
export type Lang = "en" | "ja";

/** A text in both course languages. */
export interface Bilingual {
  readonly en: string;
  readonly ja: string;
}

/** Text in each course language, or one string used for both (commands, paths, names). */
export type Localized = string | Bilingual;

/** Whether `v` names a course language. */
export function isLang(v: unknown): v is Lang {
  return v === "en" || v === "ja";
}

/** Picks the text for `lang`. */
export function textIn(text: Localized, lang: Lang): string {
  return typeof text === "string" ? text : text[lang];
}
