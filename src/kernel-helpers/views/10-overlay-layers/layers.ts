// Views of notebook 10 (overlay layers): the lines its cells print and the small tables that compare the
// lower layer, the containers' upper layers and what is left after removal, in the notebook's language.
import type { Stats } from "node:fs";
import { showHtml } from "../../display/index.js";
import { currentLang, type Lang, localize } from "../../i18n/index.js";
import { compareTable } from "../../render/compare-table.js";
import { htmlTable } from "../../render/html-table.js";

const yesNo = (v: boolean, lang: Lang) =>
  localize(v ? { en: "yes", ja: "ある" } : { en: "no", ja: "ない" }, lang);

/** The lines notebook 10's cells print. */
export const OVERLAY_LINES = {
  rootfs: (dir: string, entries: number, sha256: string, lang: Lang = currentLang()) =>
    lang === "ja"
      ? `rootfs ${dir}：${entries} 個のエントリ、sha256 ${sha256.slice(0, 16)}…`
      : `rootfs ${dir}: ${entries} entries, sha256 ${sha256.slice(0, 16)}…`,
  started: (name: string, pid: number | undefined, lang: Lang = currentLang()) =>
    lang === "ja"
      ? `${name} を起動しました。init のホストの PID は ${pid}`
      : `started ${name}: init is host PID ${pid}`,
  committed: (from: string, dir: string, whiteouts: readonly string[], lang: Lang = currentLang()) =>
    lang === "ja"
      ? `コミットしました：${from}\n        -> ${dir}\nwhiteout：${whiteouts.join(", ") || "（なし）"}`
      : `committed ${from}\n       -> ${dir}\nwhiteouts: ${whiteouts.join(", ") || "(none)"}`,
  usedBy: (layer: string, users: readonly string[], lang: Lang = currentLang()) =>
    lang === "ja"
      ? `レイヤー ${layer} を使っているコンテナ：${users.join(", ") || "（なし）"}`
      : `layer ${layer}: used by ${users.join(", ") || "(none)"}`,
  upperHolds: (path: string, stat: Stats | undefined, lang: Lang = currentLang()) => {
    const kind = !stat
      ? { en: "nothing", ja: "何もない" }
      : stat.isCharacterDevice()
        ? { en: "a whiteout (character device 0:0)", ja: "whiteout（キャラクタデバイス 0:0）" }
        : stat.isFile()
          ? { en: "a regular file", ja: "普通のファイル" }
          : { en: "something else", ja: "その他" };
    return lang === "ja" ? `上層の ${path}：${kind.ja}` : `upper layer, ${path}: ${kind.en}`;
  },
  clean: (lang: Lang = currentLang()) =>
    lang === "ja"
      ? "後片付け完了：コンテナもレイヤーも上層も残っていません"
      : "clean: no container, layer or upper layer left",
} as const;

/** The merged directory and the overlay mounts, as the host and the container see them. */
export interface MergedView {
  /** `ls -A` of the merged directory on the host, and `ls /` inside. */
  hostListing: string;
  insideListing: string;
  /** nsbook-overlay mounts in each mount table. */
  hostMounts: number;
  insideMounts: number;
}

const oneLine = (text: string, lang: Lang) =>
  text.trim().split("\n").join(" ") || localize({ en: "(empty)", ja: "（空）" }, lang);

/** Host and container side by side: the merged directory and the overlay mounts (pure). */
export function mergedViewHtml(v: MergedView, lang: Lang = currentLang()): string {
  const merged = localize({ en: "merged directory", ja: "merged ディレクトリ" }, lang);
  const mounts = localize({ en: "nsbook-overlay mounts", ja: "nsbook-overlay のマウント" }, lang);
  return compareTable(
    [
      [merged, oneLine(v.hostListing, lang)],
      [mounts, v.hostMounts],
    ],
    [
      [merged, oneLine(v.insideListing, lang)],
      [mounts, v.insideMounts],
    ],
    { lang },
  );
}

/** Shows {@link mergedViewHtml}. */
export function showMergedView(v: MergedView): void {
  showHtml(mergedViewHtml(v));
}

/** The lower layer before and after the containers wrote (fingerprint, entries, two files). */
export interface LowerLayerView {
  before: { sha256: string; entries: number };
  now: { sha256: string; entries: number };
  osReleaseNow: boolean;
  helloNow: boolean;
}

/** The lower layer before and now (pure). */
export function lowerLayerHtml(v: LowerLayerView, lang: Lang = currentLang()): string {
  return htmlTable(
    [
      { what: "rootfs sha256", before: v.before.sha256.slice(0, 24), now: v.now.sha256.slice(0, 24) },
      {
        what: localize({ en: "rootfs entries", ja: "rootfs のエントリ数" }, lang),
        before: String(v.before.entries),
        now: String(v.now.entries),
      },
      { what: "etc/os-release", before: yesNo(true, lang), now: yesNo(v.osReleaseNow, lang) },
      { what: "hello.txt", before: yesNo(false, lang), now: yesNo(v.helloNow, lang) },
    ],
    [
      { key: "what", header: { en: "in the lower layer", ja: "下のレイヤー" }, format: "mono" },
      { key: "before", header: { en: "before", ja: "前" }, format: "mono" },
      { key: "now", header: { en: "now", ja: "いま" }, format: "mono" },
    ],
    { lang },
  );
}

/** Shows {@link lowerLayerHtml}. */
export function showLowerLayer(v: LowerLayerView): void {
  showHtml(lowerLayerHtml(v));
}

/** What one container sees of the shared files, and its upper layer. */
export interface SeenByContainer {
  container: string;
  upperDir: string;
  who: string;
  etcHosts: string;
}

/** What each container sees, with its own upper layer (pure). */
export function seenByContainersHtml(seen: readonly SeenByContainer[], lang: Lang = currentLang()): string {
  return htmlTable(
    seen,
    [
      { key: "container", header: { en: "container", ja: "コンテナ" }, format: "mono" },
      { key: "upperDir", header: { en: "its upper layer", ja: "上のレイヤー" }, format: "mono" },
      { key: "who", header: "cat /tmp/who", format: "mono" },
      { key: "etcHosts", header: "ls /etc/hosts", format: "mono" },
    ],
    { lang },
  );
}

/** Shows {@link seenByContainersHtml}. */
export function showSeenByContainers(seen: readonly SeenByContainer[]): void {
  showHtml(seenByContainersHtml(seen));
}

/** Whether each upper directory is still there (pure). */
export function uppersLeftHtml(
  uppers: readonly { dir: string; exists: boolean }[],
  lang: Lang = currentLang(),
): string {
  return htmlTable(
    uppers.map((u) => ({
      dir: u.dir,
      exists: localize(u.exists ? { en: "yes", ja: "残っている" } : { en: "no", ja: "消えた" }, lang),
    })),
    [
      { key: "dir", header: { en: "upper layer", ja: "上のレイヤー" }, format: "mono" },
      { key: "exists", header: { en: "still there", ja: "残っているか" } },
    ],
    { lang },
  );
}

/** Shows {@link uppersLeftHtml}. */
export function showUppersLeft(uppers: readonly { dir: string; exists: boolean }[]): void {
  showHtml(uppersLeftHtml(uppers));
}

/** The size of a file in the lower layer and of its copy in the upper layer (exercise 1). */
export function copyUpSizesHtml(lower: Stats, upper: Stats, lang: Lang = currentLang()): string {
  return htmlTable(
    [
      {
        where: localize({ en: "lower: the rootfs", ja: "下層：rootfs" }, lang),
        bytes: lower.size,
        disk: lower.blocks * 512,
      },
      {
        where: localize({ en: "upper layer", ja: "上層" }, lang),
        bytes: upper.size,
        disk: upper.blocks * 512,
      },
    ],
    [
      { key: "where", header: { en: "bin/busybox in", ja: "bin/busybox の場所" } },
      { key: "bytes", header: { en: "size (bytes)", ja: "大きさ（バイト）" } },
      { key: "disk", header: { en: "on disk (bytes)", ja: "ディスク上（バイト）" } },
    ],
    { lang },
  );
}

/** Shows {@link copyUpSizesHtml}. */
export function showCopyUpSizes(lower: Stats, upper: Stats): void {
  showHtml(copyUpSizesHtml(lower, upper));
}
