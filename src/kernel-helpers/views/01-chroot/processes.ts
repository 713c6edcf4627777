// Notebook 01's process views: how many processes each place can list, and each process's root directory.
import { readProcessRoot } from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { type Lang, type Localized, localize } from "../../i18n/index.js";
import { htmlTable } from "../../render/html-table.js";

/** Rows of `ps` output, its header line left out (pure). */
export function psRowCount(psOutput: string): number {
  const lines = psOutput
    .trim()
    .split("\n")
    .filter((l) => l.trim() !== "");
  return Math.max(0, lines.length - 1);
}

/** What notebook 01 counted. */
export interface ChrootProcessCounts {
  /** Processes in the host's /proc, read by this kernel. */
  host: number;
  /** `ps aux` output inside the chroot (its /proc is an empty directory). */
  psInChroot: string;
  /** `ps` output inside the chroot with a proc filesystem mounted on its /proc. */
  psWithProc: string;
}

/** The three counts side by side (pure). */
export function chrootProcessCountsHtml(counts: ChrootProcessCounts, lang?: Lang): string {
  const rows: { where: Localized; count: number }[] = [
    {
      where: { en: "host: this kernel reads /proc", ja: "ホスト：この Jupyter カーネルが /proc を読む" },
      count: counts.host,
    },
    {
      where: { en: "chroot: ps aux (empty /proc)", ja: "chroot：ps aux（空の /proc）" },
      count: psRowCount(counts.psInChroot),
    },
    {
      where: { en: "chroot + a proc mounted: ps", ja: "chroot + proc をマウント：ps" },
      count: psRowCount(counts.psWithProc),
    },
  ];
  return htmlTable(
    rows,
    [
      { header: { en: "seen from", ja: "どこから" }, value: (r) => localize(r.where, lang) },
      { key: "count", header: { en: "processes", ja: "プロセス数" } },
    ],
    { lang },
  );
}

/** Shows how many processes the host, the bare chroot and the chroot with a proc can list. */
export function showChrootProcessCounts(counts: ChrootProcessCounts): void {
  showHtml(chrootProcessCountsHtml(counts));
}

/** A process whose root directory is shown. */
export interface RootOf {
  who: Localized;
  pid: number;
  /** readlink /proc/PID/root */
  root: string;
}

/** Reads the root directory (`/proc/PID/root`) of this kernel and of a container's init. */
export function readRoots(initPid: number): RootOf[] {
  const who: [Localized, number][] = [
    [{ en: "this notebook's kernel", ja: "この Jupyter カーネル" }, process.pid],
    [{ en: "the container's init", ja: "コンテナの init" }, initPid],
  ];
  return who.map(([w, pid]) => ({ who: w, pid, root: readProcessRoot(pid) }));
}

/** The processes and their root directories (pure). */
export function rootsHtml(roots: readonly RootOf[], lang?: Lang): string {
  return htmlTable(
    roots,
    [
      { header: { en: "process", ja: "プロセス" }, value: (r) => localize(r.who, lang) },
      { key: "pid", header: { en: "host PID", ja: "ホストの PID" } },
      { key: "root", header: "readlink /proc/PID/root", format: "mono" },
    ],
    { lang },
  );
}

/** Shows the root directory of this kernel and of the container's init `initPid`. */
export function showRoots(initPid: number): void {
  showHtml(rootsHtml(readRoots(initPid)));
}
