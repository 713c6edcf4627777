// Text in the course's two languages.
export { type Bilingual, isLang, type Lang, type Localized, textIn } from "./localized.js";
