// Exit statuses as a shell reports them: 128 + N when signal N ended the process.
import { constants } from "node:os";
import { describeExit, type ExitDescription, type UsageSample } from "../../lib/index.js";
import { type Localized, localize } from "../i18n/index.js";
import { showTable } from "../render/show-table.js";

/** "137 = 128 + 9 (SIGKILL)" for a status above 128 that names a signal, else the number alone (pure). */
export function explainExitStatus(status: number | undefined): string {
  if (status === undefined) return "—";
  if (status <= 128 || status > 128 + 64) return String(status);
  const signo = status - 128;
  const name = Object.entries(constants.signals).find(([, n]) => n === signo)?.[0];
  return name ? `${status} = 128 + ${signo} (${name})` : String(status);
}

/** How the memory hog of notebook 06 ended, read from its exit and the cgroup's counters before and after. */
export interface HogEnd {
  exitCode: number | undefined;
  signal?: string;
  before: UsageSample;
  after: UsageSample;
}

/**
 * Shows how the hog ended: its exit status explained, the OOM kills counted while it ran, and what
 * describeExit() concludes from both. Returns describeExit()'s verdict.
 */
export function showHogEnd(end: HogEnd): ExitDescription {
  const exit = describeExit({
    ...(end.exitCode !== undefined ? { exitCode: end.exitCode } : {}),
    ...(end.signal !== undefined ? { signal: end.signal } : {}),
    before: end.before,
    after: end.after,
  });
  const oomKills = (end.after.oomKills ?? 0) - (end.before.oomKills ?? 0);
  const rows: { what: Localized; value: string }[] = [
    { what: { en: "exit status", ja: "終了コード" }, value: explainExitStatus(end.exitCode) },
    { what: { en: "OOM kills during the run", ja: "実行中の OOM kill" }, value: `${oomKills}` },
    { what: "describeExit()", value: exit.message },
  ];
  showTable(rows, [
    { header: "", value: (r) => localize(r.what) },
    { key: "value", header: { en: "nsbook reports", ja: "nsbook の報告" }, format: "mono" },
  ]);
  return exit;
}

/** The line exercise 2 prints: the exit status and whether the OOM killer ended the command. */
export function describeOomOutcome(exitCode: number | undefined, killed: boolean): string {
  return localize({
    en: `exit status ${exitCode}; killed by the OOM killer: ${killed ? "yes" : "no"}`,
    ja: `終了ステータス ${exitCode}、OOM killer による kill：${killed ? "はい" : "いいえ"}`,
  });
}
