// "The original course typed this; nsbook ran that": the command line that really created a container,
// read back from /proc, next to the course's shell line.
import type { Container } from "../../lib/container/index.js";
import { formatCommand } from "../../lib/host/index.js";
import { readProcess } from "../../lib/inspect/index.js";
import { showHtml } from "../display/index.js";
import { type Lang, type Localized, localize } from "../i18n/index.js";
import { htmlTable } from "../render/html-table.js";

/** What {@link launchTableHtml} shows. */
export interface LaunchFacts {
  /** The original course's command line. */
  original: string;
  /** The argv nsbook ran (unshare's command line); undefined when it is no longer running. */
  ran?: readonly string[];
  /** Host PID of the container's init. */
  initPid?: number;
}

/** Options of {@link launchTableHtml}. */
export interface LaunchTableOptions {
  /** Caption above the table. @default none */
  caption?: Localized;
  /** Language of built-in words. @default currentLang() */
  lang?: Lang;
}

/**
 * The command line of the process that launched `container` (unshare, which waits for the init), read from
 * /proc/PID/cmdline: what really ran, not a reconstruction. Undefined when it has ended.
 */
export async function launchCommandOf(container: Container): Promise<string[] | undefined> {
  const monitor = container.state.monitor;
  if (!monitor) return undefined;
  const p = await readProcess(monitor.pid);
  return p && p.startTimeTicks === monitor.startTime ? p.cmdline : undefined;
}

/** Renders the original command, what nsbook ran, and the init's host PID as a two-column table (pure). */
export function launchTableHtml(facts: LaunchFacts, options: LaunchTableOptions = {}): string {
  const rows: { item: Localized; value: string }[] = [
    { item: { en: "original course", ja: "元のコース" }, value: facts.original },
    {
      item: { en: "what nsbook ran", ja: "nsbook が実行したもの" },
      value: facts.ran ? formatCommand(facts.ran) : "—",
    },
    {
      item: { en: "container's first process (host PID)", ja: "コンテナの最初のプロセス（ホストの PID）" },
      value: facts.initPid === undefined ? "—" : String(facts.initPid),
    },
  ];
  return htmlTable(
    rows,
    [
      { header: { en: "item", ja: "項目" }, value: (r) => localize(r.item, options.lang) },
      { header: { en: "value", ja: "内容" }, key: "value", format: "mono" },
    ],
    { caption: options.caption, lang: options.lang },
  );
}

/** Shows how `container` was launched, next to the original course's `original` command line. */
export async function showLaunch(
  container: Container,
  original: string,
  options?: LaunchTableOptions,
): Promise<void> {
  const ran = await launchCommandOf(container);
  showHtml(launchTableHtml({ original, ran, initPid: container.pid }, options));
}
