// What notebook 10 (overlay layers) shows: the launch with its overlay step, the overlay's mount options as
// the container sees them, and the entries of a layer with its whiteouts.
import {
  type ContainerState,
  INIT_SCRIPT,
  type LayerEntry,
  OVERLAY_SCRIPT,
  OVERLAY_SOURCE,
  overlayMountData,
  parseMountInfo,
  shellQuote,
} from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { currentLang, type Lang, type Localized, localize } from "../../i18n/index.js";
import { escapeHtml, htmlTable } from "../../render/index.js";
import { CAPTION_STYLE, COMMAND_BLOCK_STYLE, NO_MATH_CLASS } from "../../render/styles.js";
import { launchArgvOf, launchCommandText } from "../shared/launch.js";

/** Stands for the overlay script in the argv while it is split into lines (shell-safe, so never quoted). */
const PLACEHOLDER = "NSBOOK_OVERLAY_SCRIPT_PLACEHOLDER";

const WORDS = {
  caption: { en: "The command line nsbook ran", ja: "nsbook が実行したコマンドライン" },
  same: {
    en: "What $OVERLAY does, as one command (in the container's mount namespace)",
    ja: "$OVERLAY がすること（コンテナのマウント名前空間の中で）を 1 つのコマンドで書くと",
  },
  scripts: {
    en: "nsbook's shell programs in this command line",
    ja: "このコマンドラインで使われている nsbook のシェルプログラム",
  },
  mountPoint: { en: "mount point (source)", ja: "マウントポイント（ソース）" },
  top: { en: " (top)", ja: "（最上位）" },
  bottom: { en: " (bottom)", ja: "（最下位）" },
  init: {
    en: "$NSBOOK_INIT (the container's PID 1, passed in the environment)",
    ja: "$NSBOOK_INIT（コンテナの PID 1。環境変数で渡す）",
  },
} as const;

/**
 * HTML of the command line that started an overlay container: stage by stage, nsbook's scripts by name, the
 * overlay step ($OVERLAY) included, and that step written out as the course's `mount -t overlay` (pure).
 */
export function overlayLaunchHtml(state: ContainerState, lang: Lang = currentLang()): string {
  const argv = launchArgvOf(state).map((a) => (a === OVERLAY_SCRIPT ? PLACEHOLDER : a));
  const text = launchCommandText(argv);
  const lines = text.lines.map((l) => l.replace(PLACEHOLDER, '"$OVERLAY"'));
  const pre = (body: string) => `<pre style="${COMMAND_BLOCK_STYLE}">${escapeHtml(body)}</pre>`;
  const parts = [
    `<div class="nsbook-launch nsbook-overlay-launch ${NO_MATH_CLASS}">`,
    `<div style="${CAPTION_STYLE}">${escapeHtml(localize(WORDS.caption, lang))}</div>`,
    pre(lines.join("\n")),
  ];
  const o = state.spec.overlay;
  if (o) {
    const mount = ["mount", "-t", "overlay", OVERLAY_SOURCE, "-o", overlayMountData(o), o.mergedDir];
    parts.push(
      `<div style="${CAPTION_STYLE}">${escapeHtml(localize(WORDS.same, lang))}</div>`,
      pre(mount.map(shellQuote).join(" ")),
    );
  }
  const scripts = [
    ...(o ? [`<b>$OVERLAY</b>${pre(OVERLAY_SCRIPT)}`] : []),
    ...text.scripts.map((s) => `<b>${escapeHtml(s.name)}</b>${pre(s.text)}`),
    `<b>${escapeHtml(localize(WORDS.init, lang))}</b>${pre(INIT_SCRIPT)}`,
  ];
  parts.push(
    `<details><summary>${escapeHtml(localize(WORDS.scripts, lang))}</summary>${scripts.join("")}</details>`,
    "</div>",
  );
  return parts.join("");
}

/** Shows {@link overlayLaunchHtml} for `state`. */
export function showOverlayLaunch(state: ContainerState): void {
  showHtml(overlayLaunchHtml(state));
}

/** One option of an overlay mount, as a row: lowerdir is split into one row per layer (top first). */
export interface OverlayOptionRow {
  option: string;
  value: string;
}

/** The overlay mounts of a mountinfo text, as rows of their layer options (empty when there is none). Pure. */
export function overlayOptionRows(mountinfo: string, lang: Lang = currentLang()): OverlayOptionRow[] {
  const rows: OverlayOptionRow[] = [];
  for (const m of parseMountInfo(mountinfo).filter((e) => e.fsType === "overlay")) {
    rows.push({ option: localize(WORDS.mountPoint, lang), value: `${m.mountPoint}  (${m.source})` });
    for (const opt of m.superOptions) {
      const [key, value = ""] = opt.split("=", 2) as [string, string?];
      if (key === "lowerdir") {
        const dirs = value.split(":");
        for (const [i, dir] of dirs.entries()) {
          const where =
            i === 0 ? localize(WORDS.top, lang) : i === dirs.length - 1 ? localize(WORDS.bottom, lang) : "";
          rows.push({ option: dirs.length === 1 ? "lowerdir" : `lowerdir ${i + 1}${where}`, value: dir });
        }
      } else if (key === "upperdir" || key === "workdir") rows.push({ option: key, value });
    }
  }
  return rows;
}

/** Shows the overlay mounts of `mountinfo` (see {@link overlayOptionRows}) as a table. */
export function showOverlayOptions(mountinfo: string, caption?: Localized): void {
  showHtml(
    htmlTable(
      overlayOptionRows(mountinfo),
      [
        { key: "option", header: { en: "option", ja: "オプション" }, format: "mono" },
        { key: "value", header: { en: "value", ja: "値" }, format: "mono" },
      ],
      {
        ...(caption ? { caption } : {}),
        empty: { en: "(no overlay mount)", ja: "（overlay のマウントなし）" },
      },
    ),
  );
}

const KIND_TEXT: Readonly<Record<LayerEntry["kind"], Localized>> = {
  file: { en: "file", ja: "ファイル" },
  directory: { en: "directory", ja: "ディレクトリ" },
  symlink: { en: "symlink", ja: "シンボリックリンク" },
  whiteout: { en: "whiteout (char device 0/0)", ja: "ホワイトアウト（キャラクタデバイス 0/0）" },
  other: { en: "other", ja: "その他" },
};

/** Shows the entries of a layer directory, whiteouts highlighted. */
export function showLayerEntries(entries: readonly LayerEntry[], caption?: Localized): void {
  showHtml(
    htmlTable(
      entries,
      [
        { key: "path", header: { en: "path in the layer", ja: "レイヤー内のパス" }, format: "mono" },
        { value: (e) => localize(KIND_TEXT[e.kind]), header: { en: "kind", ja: "種類" } },
      ],
      {
        ...(caption ? { caption } : {}),
        highlight: (e) => e.kind === "whiteout",
        empty: { en: "(empty layer)", ja: "（空のレイヤー）" },
      },
    ),
  );
}
