// The last cell of every step notebook: what removing its containers did.
import type { StopOutcome } from "../../lib/container/index.js";
import { showHtml } from "../display/index.js";
import type { Lang } from "../i18n/index.js";
import { htmlTable } from "../render/html-table.js";

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
