// Notebook 07's printed lines, in the notebook's language.
import { localize } from "../i18n/index.js";

/** What the start cell prints: how many containers started, how fast, and each init's host PID. */
export function describeStartedContainers(
  containers: readonly { name: string; pid?: number }[],
  startMs: number,
): string {
  const head = localize({
    en: `${containers.length} container(s) started in ${startMs.toFixed(0)} ms`,
    ja: `${containers.length} 個のコンテナを ${startMs.toFixed(0)} ms で起動しました`,
  });
  const rows = containers.map((c) =>
    localize({
      en: `  ${c.name}: init is host PID ${c.pid}`,
      ja: `  ${c.name}：init のホストでの PID は ${c.pid}`,
    }),
  );
  return [head, ...rows].join("\n");
}

/** What the cleanup cell prints: the containers it stopped and removed, or that there were none. */
export function describeRemovedAll(names: readonly string[]): string {
  return names.length > 0
    ? localize({
        en: `stopped and removed: ${names.join(", ")}`,
        ja: `停止して削除しました：${names.join(", ")}`,
      })
    : localize({ en: "stopped and removed: (none)", ja: "停止して削除したもの：（なし）" });
}

/** The `ls /` line of what the typed lines "hostname", "echo $(ls /)", "ps aux ..." printed: the second line. */
export function rootListing(typedOutput: string): string {
  return (typedOutput.split("\n")[1] ?? "").trim();
}
