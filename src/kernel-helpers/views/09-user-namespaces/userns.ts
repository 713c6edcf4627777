// Views of notebook 09 (user namespaces): the lines its cells print, the setuid helpers for ID ranges found
// on this machine, the maps read on the host, and the sysctls that restrict user namespaces.
import {
  formatIdMap,
  type IdMapRange,
  japaneseOf,
  type SubidTools,
  type UsernsRestriction,
} from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { currentLang, type Lang, localize } from "../../i18n/index.js";
import { htmlTable } from "../../render/html-table.js";

/** The lines notebook 09's cells print, in the notebook's language. */
export const USERNS_LINES = {
  host: (hostname: string, uid: number | undefined, lang: Lang = currentLang()) =>
    lang === "ja"
      ? `ホスト名：${hostname}。このノートブックは uid ${uid} で動いています`
      : `host: ${hostname}; this notebook runs as uid ${uid}`,
  started: (name: string, namespaces: readonly string[], lang: Lang = currentLang()) =>
    lang === "ja"
      ? `${name} を起動しました。名前空間：${namespaces.join(", ")}`
      : `started ${name}: namespaces ${namespaces.join(", ")}`,
  init: (pid: number | undefined, mapping: unknown, lang: Lang = currentLang()) =>
    lang === "ja"
      ? `init のホストの PID：${pid}。対応付け：${JSON.stringify(mapping)}`
      : `init: host PID ${pid}; mapping ${JSON.stringify(mapping)}`,
  removed: (name: string, removed: boolean, lang: Lang = currentLang()) =>
    lang === "ja"
      ? `${name}：${removed ? "削除しました" : "削除できませんでした"}`
      : `${name}: ${removed ? "removed" : "not removed"}`,
  owner: (path: string, uid: number, lang: Lang = currentLang()) =>
    lang === "ja"
      ? `ホストでは ${path} の所有者は uid ${uid} です`
      : `on the host, ${path} belongs to uid ${uid}`,
  clean: (lang: Lang = currentLang()) =>
    lang === "ja" ? "後片付け完了：コンテナもファイルも残っていません" : "clean: no container or file left",
} as const;

/** The helpers and files as a table (pure). */
export function subidToolsHtml(t: SubidTools, lang: Lang = currentLang()): string {
  const tool = (path: string | undefined) =>
    path ?? localize({ en: "not installed", ja: "入っていない" }, lang);
  const file = (n: number | undefined) =>
    n === undefined
      ? localize({ en: "no such file", ja: "ファイルがない" }, lang)
      : localize({ en: `${n} line(s)`, ja: `${n} 行` }, lang);
  return htmlTable(
    [
      { what: "newuidmap", found: tool(t.newuidmap) },
      { what: "newgidmap", found: tool(t.newgidmap) },
      { what: "/etc/subuid", found: file(t.subuidLines) },
      { what: "/etc/subgid", found: file(t.subgidLines) },
    ],
    [
      { key: "what", header: { en: "helper or file", ja: "ヘルパーまたはファイル" }, format: "mono" },
      { key: "found", header: { en: "on this machine", ja: "このマシンでは" } },
    ],
    { lang },
  );
}

/** Shows {@link subidToolsHtml}. */
export function showSubidTools(t: SubidTools): void {
  showHtml(subidToolsHtml(t));
}

/** A user namespace as the host sees it. */
export interface HostSideOfUserns {
  pid: number;
  uidMap: readonly IdMapRange[];
  gidMap: readonly IdMapRange[];
  setgroups: string;
  /** The host uid of uid 0 inside. */
  rootOutside: number | undefined;
  /** `ps -o user=,uid=,gid=,pid=,comm= -p PID` on the host. */
  ps: string;
}

/** What the host reads about the container's user namespace, as a table (pure). */
export function hostSideHtml(h: HostSideOfUserns, lang: Lang = currentLang()): string {
  return htmlTable(
    [
      { item: "uid_map", value: formatIdMap(h.uidMap) },
      { item: "gid_map", value: formatIdMap(h.gidMap) },
      { item: "setgroups", value: h.setgroups },
      { item: "hostUidOf(pid, 0)", value: String(h.rootOutside) },
      { item: `ps -p ${h.pid} (user uid gid pid comm)`, value: h.ps.trim() },
    ],
    [
      { key: "item", header: { en: "read on the host", ja: "ホストで読んだもの" }, format: "mono" },
      { key: "value", header: { en: "value", ja: "値" }, format: "mono" },
    ],
    { lang },
  );
}

/** Shows {@link hostSideHtml}. */
export function showHostSide(h: HostSideOfUserns): void {
  showHtml(hostSideHtml(h));
}

/** The user-namespace sysctls of this machine, each with its value and meaning (pure). */
export function usernsRestrictionsHtml(rs: readonly UsernsRestriction[], lang: Lang = currentLang()): string {
  return htmlTable(
    rs.map((r) => ({
      sysctl: r.sysctl,
      value: r.value?.trim() ?? "—",
      restricts: localize(r.active ? { en: "yes", ja: "する" } : { en: "no", ja: "しない" }, lang),
      detail: lang === "ja" ? japaneseOf(r.detail) : r.detail,
    })),
    [
      { key: "sysctl", header: "sysctl", format: "mono" },
      { key: "value", header: { en: "value here", ja: "このマシンの値" }, format: "mono" },
      { key: "restricts", header: { en: "restricts?", ja: "制限するか" } },
      { key: "detail", header: { en: "meaning", ja: "意味" }, format: "code-spans" },
    ],
    { lang },
  );
}

/** Shows {@link usernsRestrictionsHtml}. */
export function showUsernsRestrictions(rs: readonly UsernsRestriction[]): void {
  showHtml(usernsRestrictionsHtml(rs));
}
