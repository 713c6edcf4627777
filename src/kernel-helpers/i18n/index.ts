// Which language the notebook speaks.
export { currentLang, type Lang, type Localized, localize, setLang } from "./lang.js";
