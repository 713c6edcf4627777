// Notebook 04: nsbook's refusal to set a hostname without a UTS namespace, in the notebook's language.
import { showHtml } from "../display/index.js";
import { type Lang, localize } from "../i18n/index.js";
import { escapeHtml } from "../render/escape-html.js";

/**
 * The refusal as the learner reads it (pure): the library's message in English; in Japanese, what it says (no
 * hostname without "uts", or the host itself would be renamed). Empty `message` (nothing was refused) says so.
 */
export function hostnameRefusalText(message: string, lang?: Lang): string {
  if (message === "") return localize({ en: "(not refused!)", ja: "（拒否されなかった！）" }, lang);
  return localize(
    {
      en: `refused: ${message}`,
      ja: `拒否されました：uts 名前空間なしでホスト名を設定すると、ホスト自身の名前が変わってしまいます。namespaces に "uts" を加えてください。`,
    },
    lang,
  );
}

/** Shows why nsbook refused a container (or that it did not), in a red box. */
export function showHostnameRefusal(message: string): void {
  showHtml(
    `<div style="border-left:4px solid #c0392b;padding:6px 10px;white-space:pre-wrap">${escapeHtml(hostnameRefusalText(message))}</div>`,
  );
}
