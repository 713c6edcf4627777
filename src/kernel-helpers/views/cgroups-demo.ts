// The state of one experiment of notebook 06, kept in one object that an early cell creates.
//
// Why an object and not `let` variables in each cell: tslab forgets every declaration of a cell that was
// interrupted, so the next cell would fail to compile ("Cannot find name"). Fields assigned on an object
// made earlier survive, and each cell fills in what it found.
import type { CgroupManager, Container, ExecResult, SamplerResult, UsageSample } from "../../lib/index.js";
import type { LiveChartRun } from "./cgroups-live.js";

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
