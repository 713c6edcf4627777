// The last cell of every step notebook: what removing its containers did, as a table (01-04) or as printed
// lines (05-08).
import type { StopOutcome } from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { type Lang, localize } from "../../i18n/index.js";
import { htmlTable } from "../../render/html-table.js";

/** What `removeContainer` did to each container, as a table (pure). */
export function removedContainersHtml(outcomes: readonly StopOutcome[], lang?: Lang): string {
  return htmlTable(
    outcomes,
    [
      { key: "name", header: { en: "container", ja: "コンテナ" }, format: "mono" },
      { key: "existed", header: { en: "existed", ja: "存在した" } },
      { key: "wasRunning", header: { en: "was running", ja: "動いていた" } },
      { key: "removed", header: { en: "removed", ja: "削除した" } },
    ],
    { lang },
  );
}

/** Shows what removing a page's containers did. */
export function showRemovedContainers(outcomes: readonly StopOutcome[]): void {
  showHtml(removedContainersHtml(outcomes));
}

/** "NAME: stopped and removed", or "NAME: nothing to remove" when no such container existed. */
export function describeRemoval(name: string, existed: boolean): string {
  return existed
    ? localize({ en: `${name}: stopped and removed`, ja: `${name}：停止して削除しました` })
    : localize({ en: `${name}: nothing to remove`, ja: `${name}：削除するものはありません` });
}

/** The line a clean-up cell prints for all its containers at once (07, 08): those it stopped and removed, or none. */
export function describeRemovedAll(names: readonly string[]): string {
  return names.length > 0
    ? localize({
        en: `stopped and removed: ${names.join(", ")}`,
        ja: `停止して削除しました：${names.join(", ")}`,
      })
    : localize({ en: "stopped and removed: (none)", ja: "停止して削除したもの：（なし）" });
}
