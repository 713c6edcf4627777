// Host vs container namespaces as a table: one row per /proc/PID/ns link, the inode on each side, rows
// where the container has its own namespace highlighted.
import type { NamespaceComparison, NamespaceLink } from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { currentLang, type Lang, type Localized, localize } from "../../i18n/index.js";
import { compareTable } from "../../render/compare-table.js";

/** What each namespace isolates, in a few words. */
const ISOLATES: Readonly<Record<NamespaceLink, { en: string; ja: string }>> = {
  pid: { en: "process IDs", ja: "プロセス ID" },
  pid_for_children: { en: "PIDs of its future children", ja: "これから作る子プロセスの PID" },
  mnt: { en: "mounts", ja: "マウント" },
  uts: { en: "hostname", ja: "ホスト名" },
  ipc: { en: "System V IPC, POSIX queues", ja: "System V IPC・POSIX キュー" },
  net: { en: "network stack", ja: "ネットワーク" },
  user: { en: "user and group IDs", ja: "ユーザー ID・グループ ID" },
  cgroup: { en: "cgroup root", ja: "cgroup のルート" },
  time: { en: "boot/monotonic clocks", ja: "起動時刻・単調時計" },
  time_for_children: { en: "clocks of its future children", ja: "これから作る子プロセスの時計" },
};

/** Options of {@link namespaceTableHtml}. */
export interface NamespaceTableOptions {
  /** Caption above the table. @default none */
  caption?: Localized;
  /** Header of the host column. @default "host" / "ホスト" */
  hostHeader?: Localized;
  /** Header of the container column. @default "container" / "コンテナ" */
  containerHeader?: Localized;
  /** Language of built-in words. @default currentLang() */
  lang?: Lang;
}

function inodeText(inode: number | undefined): string {
  return inode === undefined ? "?" : String(inode);
}

/**
 * Renders a namespace comparison (from `compareNamespaces`) as HTML (pure): the link name and what it
 * isolates, the namespace inode on each side, "≠ differs" rows highlighted.
 */
export function namespaceTableHtml(
  rows: readonly NamespaceComparison[],
  options: NamespaceTableOptions = {},
): string {
  const lang = options.lang ?? currentLang();
  const label = (r: NamespaceComparison) => `${r.link} (${localize(ISOLATES[r.link], lang)})`;
  const host = rows.map((r) => [label(r), inodeText(r.hostInode)] as const);
  const container = rows.map((r) => [label(r), inodeText(r.containerInode)] as const);
  return compareTable(host, container, {
    caption: options.caption,
    itemHeader: { en: "namespace (isolates)", ja: "名前空間（隔離するもの）" },
    leftHeader: options.hostHeader,
    rightHeader: options.containerHeader,
    lang,
  });
}

/** Shows a namespace comparison (see {@link namespaceTableHtml}). */
export function showNamespaceTable(
  rows: readonly NamespaceComparison[],
  options?: NamespaceTableOptions,
): void {
  showHtml(namespaceTableHtml(rows, options));
}
