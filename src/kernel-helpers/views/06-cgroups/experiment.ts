// Notebook 06's experiments: the state of one experiment, the live usage chart it draws, and how its
// workload ended.
//
// The state is kept in one object that an early cell creates.
//
// Why an object and not `let` variables in each cell: tslab forgets every declaration of a cell that was
// interrupted, so the next cell would fail to compile ("Cannot find name"). Fields assigned on an object
// made earlier survive, and each cell fills in what it found.

import { constants } from "node:os";
import {
  type CgroupManager,
  type Container,
  describeExit,
  type ExecResult,
  type ExitDescription,
  type SamplerResult,
  type UsageSample,
  type UsageSampler,
} from "../../../lib/index.js";
import { newLiveDisplay } from "../../display/index.js";
import { type Localized, localize } from "../../i18n/index.js";
import { showTable } from "../../render/show-table.js";
import { liveUsageChart, type UsageChartKind } from "../../usage-charts/index.js";

/** One command run in an experiment's container, with what it did to the cgroup's OOM-kill counter. */
export interface CommandRun {
  command: string;
  result: ExecResult;
  /** OOM kills counted while it ran. */
  oomKills?: number;
}

/** What an experiment has found so far. */
export interface LimitDemo {
  /** The container, with its limits. */
  box?: Container;
  /** Its cgroups (usage, counters). */
  cgroups?: CgroupManager;
  /** The workload's shell command. */
  command?: string;
  /** Usage right before and right after the workload. */
  before?: UsageSample;
  after?: UsageSample;
  /** How the workload ended. */
  result?: ExecResult;
  /** What the sampler recorded while it ran. */
  sampled?: SamplerResult;
  /** The live chart. */
  chart?: LiveChartRun;
  /** Other commands run in the container (the original course's checks). */
  runs?: CommandRun[];
}

// A usage chart that redraws in the notebook while a workload runs, counting its frames so a self-check
// can tell that the learner really saw it move (the saved notebook keeps only the last frame).

/** What a live chart showed. */
export interface LiveChartRun {
  /** The final image (also what the notebook keeps). */
  png: Buffer;
  /** Images drawn while sampling, the final one included. */
  frames: number;
}

/**
 * Shows `sampler`'s chart (`kind`: "memory" or "cpu") in a new output of the current cell and redraws it
 * about twice a second until the sampler stops; resolves with the final image and the number of frames.
 * Start it before the workload and await it after `sampler.stop()`.
 */
export async function showLiveChart(sampler: UsageSampler, kind: UsageChartKind): Promise<LiveChartRun> {
  const live = newLiveDisplay();
  let frames = 0;
  const png = await liveUsageChart(
    sampler,
    {
      update: (image) => {
        frames++;
        live.png(image);
      },
    },
    { kind },
  );
  return { png, frames };
}

// Exit statuses as a shell reports them: 128 + N when signal N ended the process.

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
