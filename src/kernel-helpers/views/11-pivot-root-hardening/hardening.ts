// Views of notebook 11 (pivot_root and hardening): the lines its cells print, the escape lab's paths, the
// capabilities each container kept, and nsbook next to `docker run`, in the notebook's language.
import type { ComparisonRow } from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { currentLang, type Lang, localize } from "../../i18n/index.js";
import { htmlTable } from "../../render/html-table.js";

/** The lines notebook 11's cells print. */
export const HARDENING_LINES = {
  host: (hostname: string, uid: number | undefined, lang: Lang = currentLang()) =>
    lang === "ja" ? `ホスト名：${hostname}。uid ${uid}` : `host: ${hostname}; uid ${uid}`,
  marker: (token: string, lang: Lang = currentLang()) =>
    lang === "ja" ? `目印の文字列：${token}` : `marker text: ${token}`,
  noEscapeTool: (why: string, lang: Lang = currentLang()) =>
    lang === "ja" ? `脱出プログラムがありません：${why}` : `no escape program: ${why}`,
  skippedNoEscapeTool: (lang: Lang = currentLang()) =>
    lang === "ja"
      ? "スキップしました：脱出プログラムがありません（2 節を参照）"
      : "skipped: no escape program (see section 2)",
  forksStarted: (
    started: number | undefined,
    of: number,
    run: { exitMessage?: string; exitMessageJa?: string },
    lang: Lang = currentLang(),
  ) =>
    lang === "ja"
      ? `${of} 個のうち ${started ?? "?"} 個が起動した。${run.exitMessageJa ?? run.exitMessage ?? ""}`
      : `started ${started ?? "?"} of ${of}; ${run.exitMessage ?? ""}`,
  kept: (kept: readonly string[], of: number, lang: Lang = currentLang()) =>
    `${lang === "ja" ? `${of} 個のうち ${kept.length} 個が残った：` : `kept ${kept.length} of ${of}:`}\n${kept.join(" ")}`,
  clean: (lang: Lang = currentLang()) =>
    lang === "ja"
      ? "後片付け完了：コンテナも実験用のフォルダも残っていません"
      : "clean: no container or lab folder left",
} as const;

/** The escape lab's paths on the host (pure). */
export function labPathsHtml(
  lab: { dir: string; rootfs: string; markerPath: string },
  lang: Lang = currentLang(),
): string {
  return htmlTable(
    [
      { what: localize({ en: "lab folder", ja: "実験用のフォルダ" }, lang), path: lab.dir },
      { what: localize({ en: "container rootfs", ja: "コンテナの rootfs" }, lang), path: lab.rootfs },
      {
        what: localize({ en: "host marker (outside the rootfs)", ja: "ホストの目印（rootfs の外）" }, lang),
        path: lab.markerPath,
      },
    ],
    [
      { key: "what", header: { en: "what", ja: "もの" } },
      { key: "path", header: { en: "host path", ja: "ホストのパス" }, format: "mono" },
    ],
    { lang },
  );
}

/** Shows {@link labPathsHtml}. */
export function showLabPaths(lab: { dir: string; rootfs: string; markerPath: string }): void {
  showHtml(labPathsHtml(lab));
}

/** The effective capabilities of one container and those it lacks. */
export interface CapabilityCount {
  container: string;
  effective: readonly string[];
  missing: readonly string[];
}

/** How many capabilities each container kept, and which it lacks (pure). */
export function capabilityCountsHtml(rows: readonly CapabilityCount[], lang: Lang = currentLang()): string {
  return htmlTable(
    rows.map((r) => ({
      container: r.container,
      count: r.effective.length,
      missing: r.missing.join(", ") || "-",
    })),
    [
      { key: "container", header: { en: "container", ja: "コンテナ" }, format: "mono" },
      { key: "count", header: { en: "effective capabilities", ja: "effective の数" } },
      { key: "missing", header: { en: "missing", ja: "ないもの" }, format: "mono" },
    ],
    { lang },
  );
}

/** Shows {@link capabilityCountsHtml}. */
export function showCapabilityCounts(rows: readonly CapabilityCount[]): void {
  showHtml(capabilityCountsHtml(rows));
}

/** nsbook's container, default and hardened, next to `docker run` (pure). */
export function hardeningComparisonHtml(rows: readonly ComparisonRow[], lang: Lang = currentLang()): string {
  return htmlTable(
    rows.map((r) => (lang === "ja" ? r.ja : r)),
    [
      { key: "aspect", header: "" },
      { key: "nsbookDefault", header: { en: "nsbook default", ja: "nsbook の既定" } },
      {
        key: "nsbookHardened",
        header: { en: "nsbook hardened (this page)", ja: "nsbook の強化版（このノートブック）" },
      },
      { key: "docker", header: { en: "docker run (runc)", ja: "docker run（runc）" } },
    ],
    { lang },
  );
}

/** Shows {@link hardeningComparisonHtml}. */
export function showHardeningComparison(rows: readonly ComparisonRow[]): void {
  showHtml(hardeningComparisonHtml(rows));
}
