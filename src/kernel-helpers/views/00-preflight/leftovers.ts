// The start page's table of nsbook containers on this machine, leftovers highlighted. Which container is a
// leftover (its creator is gone) is decided in the library: lib/container/course-containers.ts.
import { type ContainerRole, type FoundContainer, findCourseContainers } from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { currentLang, type Lang } from "../../i18n/index.js";
import { htmlTable } from "../../render/html-table.js";

const ROLE_TEXT: Record<ContainerRole, { en: string; ja: string }> = {
  leftover: {
    en: "left over: its creator is gone",
    ja: "残りもの：作ったプロセスはもうない",
  },
  "in-use": {
    en: "in use by a notebook or command that still runs",
    ja: "まだ動いているノートブックかコマンドが使用中",
  },
  "not-course": { en: "not the course's (your own)", ja: "コースのものではない（自分で作ったもの）" },
};

/** The containers as an HTML table, leftovers highlighted (pure). */
export function renderCourseContainers(found: readonly FoundContainer[], lang: Lang = currentLang()): string {
  return htmlTable(
    found,
    [
      { header: { en: "container", ja: "コンテナ" }, key: "name", format: "mono" },
      { header: { en: "status", ja: "状態" }, key: "status" },
      { header: { en: "created by PID", ja: "作成したプロセス" }, key: "creatorPid" },
      { header: { en: "what it is", ja: "扱い" }, value: (c) => ROLE_TEXT[c.role][lang] },
    ],
    {
      caption: { en: "nsbook containers on this machine", ja: "このマシンにある nsbook のコンテナ" },
      empty: { en: "(none: nothing is left over)", ja: "（なし：何も残っていません）" },
      highlight: (c) => c.role === "leftover",
      lang,
    },
  );
}

/** Finds the containers, shows them and returns them. */
export async function showCourseContainers(lang: Lang = currentLang()): Promise<FoundContainer[]> {
  const found = await findCourseContainers();
  showHtml(renderCourseContainers(found, lang));
  return found;
}
