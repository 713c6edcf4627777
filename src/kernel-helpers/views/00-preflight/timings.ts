// Section 7 of the start page: how long `unshare --<type> true` takes for each namespace type, as a table and
// a bar chart, and the lines the page's cells print about leftovers and clean-up.
import { showBarChart } from "../../charts/index.js";
import { showHtml } from "../../display/index.js";
import { currentLang, type Lang } from "../../i18n/index.js";
import { htmlTable } from "../../render/html-table.js";

/** The wall times of one command run several times, or why it failed. */
export interface NamespaceTiming {
  /** Namespace type ("pid", "net"...), or "(none)" for a plain process. */
  type: string;
  /** The command line, e.g. "unshare --pid true". */
  command: string;
  /** Wall time of each run, in ms. */
  ms: number[];
  /** The first line of the error, when a run failed. */
  error?: string;
}

/** The median of `xs` (the upper one for an even count); NaN for none (pure). */
export function medianOf(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
}

/** The timings as a table: median, fastest and slowest run per type (pure). */
export function namespaceTimingsHtml(
  timings: readonly NamespaceTiming[],
  lang: Lang = currentLang(),
): string {
  const runs = Math.max(0, ...timings.map((t) => t.ms.length));
  const stat = (t: NamespaceTiming, f: (ms: number[]) => number) => (t.ms.length > 0 ? f(t.ms) : undefined);
  return htmlTable(
    timings.map((t) => ({
      type: t.type,
      command: t.command,
      median: stat(t, medianOf),
      min: stat(t, (ms) => Math.min(...ms)),
      max: stat(t, (ms) => Math.max(...ms)),
      error: t.error,
    })),
    [
      { key: "type", header: { en: "namespace", ja: "名前空間" } },
      { key: "command", header: { en: "command", ja: "コマンド" }, format: "mono" },
      { key: "median", header: { en: "median (ms)", ja: "中央値 (ms)" }, digits: 1 },
      { key: "min", header: { en: "fastest (ms)", ja: "最速 (ms)" }, digits: 1 },
      { key: "max", header: { en: "slowest (ms)", ja: "最遅 (ms)" }, digits: 1 },
      { key: "error", header: { en: "error", ja: "エラー" }, format: "mono" },
    ],
    {
      caption: lang === "ja" ? `unshare を種類ごとに ${runs} 回実行` : `unshare, ${runs} runs per type`,
      highlight: (t) => t.error !== undefined,
      lang,
    },
  );
}

/** Shows {@link namespaceTimingsHtml}. */
export function showNamespaceTimings(timings: readonly NamespaceTiming[]): void {
  showHtml(namespaceTimingsHtml(timings));
}

/** The median time per type as a bar chart. */
export async function showNamespaceTimingsChart(timings: readonly NamespaceTiming[]): Promise<void> {
  const runs = Math.max(0, ...timings.map((t) => t.ms.length));
  await showBarChart({
    title: {
      en: `Time to run unshare --<type> true (median of ${runs} runs)`,
      ja: `unshare --<種類> true の実行時間（${runs} 回の中央値）`,
    },
    categories: timings.map((t) => t.type),
    series: [
      {
        label: { en: "median", ja: "中央値" },
        values: timings.map((t) => (t.ms.length > 0 ? medianOf(t.ms) : null)),
      },
    ],
    x: { title: { en: "namespace type", ja: "名前空間の種類" } },
    y: { title: { en: "wall time", ja: "経過時間" }, unit: "ms" },
    digits: 1,
  });
}

/** The lines the start page's cells print about leftovers and clean-up, in the notebook's language. */
export const PREFLIGHT_LINES = {
  removed: (names: readonly string[], lang: Lang = currentLang()) =>
    lang === "ja"
      ? `削除しました：${names.join(", ") || "（なし）"}`
      : `removed: ${names.join(", ") || "(none)"}`,
  leftAsTheyAre: (names: readonly string[], lang: Lang = currentLang()) =>
    lang === "ja" ? `そのままにしました：${names.join(", ")}` : `left as they are: ${names.join(", ")}`,
  nothingToRemove: (lang: Lang = currentLang()) =>
    lang === "ja" ? "削除するものはありません" : "nothing to remove",
  cleanedUp: (pids: readonly string[], lang: Lang = currentLang()) =>
    pids.length === 0
      ? lang === "ja"
        ? "片付けるものはありません"
        : "nothing to clean up"
      : lang === "ja"
        ? `残っていたプロセスを ${pids.length} 個止めました：${pids.join(", ")}`
        : `stopped ${pids.length} leftover process(es): ${pids.join(", ")}`,
} as const;
