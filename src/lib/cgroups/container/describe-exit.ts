// How a container ended, in the words a learner needs: OOM kills are read from the cgroup's counters,
// whatever the launcher reported.
//
// When the OOM killer SIGKILLs a container's init, the shell running it says 137 (128 + 9), but util-linux
// 2.38's and 2.39's `unshare --fork` prints "sigprocmask unblock failed" and exits 1 instead. The cgroup's oom_kill
// counter (v1 memory.oom_control, v2 memory.events) is the reliable witness, so it decides.
import { constants } from "node:os";
import { formatSize } from "../limits/parse-size.js";
import type { UsageSample } from "../usage/usage-sample.js";

/** What is known when a container's main process has ended. */
export interface ExitFacts {
  /** Exit code as reported (undefined when killed by a signal). */
  exitCode?: number;
  /** Signal name that ended it, e.g. "SIGKILL". */
  signal?: string;
  /** Usage read before the container started (or any time before the end). @default counters taken as 0 */
  before?: UsageSample;
  /** Usage read right after it ended, before its cgroups are removed. */
  after?: UsageSample;
}

/** How the container ended. */
export interface ExitDescription {
  /** The exit code to report: 137 for an OOM kill, 128 + N for signal N, else the code. */
  exitCode: number;
  /** True when the OOM killer killed a process of the container and the container failed. */
  oomKilled: boolean;
  /** One line, e.g. "killed: out of memory (limit 32 MiB, peak 32 MiB)" or "exited with code 0". */
  message: string;
  /** The same line in Japanese, for the Japanese notebooks. */
  messageJa: string;
}

function increase(field: keyof UsageSample, facts: ExitFacts): number {
  const after = facts.after?.[field];
  if (after === undefined) return 0;
  return Math.max(0, after - (facts.before?.[field] ?? 0));
}

function signalNumber(name: string | undefined): number | undefined {
  if (!name) return undefined;
  return (constants.signals as Record<string, number | undefined>)[name];
}

/** Describes how a container ended, from its exit status and its cgroup usage before and after. */
export function describeExit(facts: ExitFacts): ExitDescription {
  const oomKills = increase("oomKills", facts);
  const forkFailures = increase("pidsLimitHits", facts);
  const signo = signalNumber(facts.signal);
  const reported = facts.exitCode ?? (signo !== undefined ? 128 + signo : 1);
  const notes: string[] = [];
  const notesJa: string[] = [];
  if (forkFailures > 0) {
    const limit = facts.after?.pidsLimit;
    const at = limit !== undefined ? `at the process limit of ${limit}` : "by the process limit";
    notes.push(`${forkFailures} fork${forkFailures > 1 ? "s" : ""} refused ${at}`);
    notesJa.push(
      `プロセス数の上限${limit !== undefined ? ` ${limit} ` : ""}で fork が ${forkFailures} 回拒否された`,
    );
  }
  if (oomKills > 0 && reported !== 0) {
    const limit = facts.after?.memoryLimitBytes;
    const peak = facts.after?.memoryPeakBytes;
    const details = [
      limit !== undefined ? `limit ${formatSize(limit)}` : undefined,
      peak !== undefined ? `peak ${formatSize(peak)}` : undefined,
    ].filter(Boolean);
    const detailsJa = [
      limit !== undefined ? `上限 ${formatSize(limit)}` : undefined,
      peak !== undefined ? `ピーク ${formatSize(peak)}` : undefined,
      oomKills > 1 ? `${oomKills} 個のプロセスが kill された` : undefined,
    ].filter(Boolean);
    const extra = oomKills > 1 ? `, ${oomKills} processes killed` : "";
    const message = `killed: out of memory${details.length || extra ? ` (${details.join(", ")}${extra})` : ""}`;
    const messageJa = `メモリ不足で kill された${detailsJa.length ? `（${detailsJa.join("、")}）` : ""}`;
    return {
      exitCode: 137,
      oomKilled: true,
      message: [message, ...notes].join("; "),
      messageJa: [messageJa, ...notesJa].join("。"),
    };
  }
  if (oomKills > 0) {
    notes.push(`the OOM killer killed ${oomKills} process${oomKills > 1 ? "es" : ""} inside`);
    notesJa.push(`中のプロセス ${oomKills} 個を OOM killer が kill した`);
  }
  const killedBy = facts.exitCode === undefined && facts.signal;
  const base = killedBy ? `killed by ${facts.signal}` : `exited with code ${reported}`;
  const baseJa = killedBy ? `${facts.signal} で kill された` : `終了コード ${reported} で終了した`;
  return {
    exitCode: reported,
    oomKilled: false,
    message: notes.length ? `${base} (${notes.join("; ")})` : base,
    messageJa: notesJa.length ? `${baseJa}（${notesJa.join("。")}）` : baseJa,
  };
}
