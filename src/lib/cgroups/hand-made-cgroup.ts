// The memory cgroup a learner makes by hand in notebook 06, with the original course's shell lines (mkdir, echo
// the limit, echo $$ > cgroup.procs): where it goes on this machine (below our own cgroup, in the hierarchy
// that serves memory), which file names its version uses, and reading back what the kernel did with it. The
// shell lines themselves run in the notebook's cells.
import { existsSync, readFileSync, rmdirSync } from "node:fs";
import { join } from "node:path";
import { removeStaleCgroups } from "./container/remove-stale-cgroups.js";
import { shouldForbidSwap } from "./detect/swap.js";
import { cgroupDirName } from "./manager/cgroup-name.js";
import { planCgroups } from "./manager/plan-cgroups.js";
import type { CgroupDetection } from "./types.js";

/** Where and how the learner's hand-made memory cgroup goes on this machine. */
export interface HandCgroup {
  /** The cgroup directory, e.g. /sys/fs/cgroup/memory/<our cgroup>/nsbook-nb06-by-hand. */
  dir: string;
  /** The cgroup version that serves memory here: it decides the file names. */
  version: 1 | 2;
  /** The machine's layout, as doctor found it. */
  layout: CgroupDetection["layout"];
  /** The limit file: memory.limit_in_bytes (v1) or memory.max (v2). */
  limitFile: string;
  /** The file with the OOM-kill counter: memory.oom_control (v1) or memory.events (v2). */
  eventsFile: string;
  /** The limit the learner writes, as the original writes it ("100M"). */
  limit: string;
  /** Mount point of the hierarchy that serves memory. */
  mountPoint: string;
  /** Set when the machine swaps: the file that forbids swap, and the value to write there. */
  swap?: { file: string; value: string };
  /** v2, a delegated cgroup with processes: its processes move here first (the no-internal-processes rule). */
  leafDir?: string;
}

/**
 * Plans the hand-made cgroup `name` (directory `nsbook-<name>`, so nsbook's cleanup finds it after a crash) from
 * doctor's detection: the memory controller's hierarchy, below this kernel's own cgroup. Throws
 * CgroupUnavailableError (why, and the fix) when memory limits cannot be used here.
 */
export function planHandCgroup(detection: CgroupDetection, name: string, limit: string): HandCgroup {
  const plan = planCgroups(detection, cgroupDirName(name), ["memory"]);
  const v1 = plan.v1.find((d) => d.controller === "memory");
  const dir = v1?.dir ?? plan.v2?.dir;
  if (dir === undefined) throw new Error(`planHandCgroup: no memory cgroup directory for ${name}`);
  const version = v1 ? 1 : 2;
  const swap = !shouldForbidSwap(detection)
    ? undefined
    : version === 1
      ? { file: "memory.memsw.limit_in_bytes", value: limit }
      : { file: "memory.swap.max", value: "0" };
  const placement = detection.controllers.find((c) => c.controller === "memory");
  return {
    dir,
    version,
    limit,
    mountPoint: placement?.mountPoint ?? "/sys/fs/cgroup",
    layout: detection.layout,
    limitFile: version === 1 ? "memory.limit_in_bytes" : "memory.max",
    eventsFile: version === 1 ? "memory.oom_control" : "memory.events",
    ...(swap ? { swap } : {}),
    ...(!v1 && plan.v2?.leafDir ? { leafDir: plan.v2.leafDir } : {}),
  };
}

/** Removes the hand-made cgroup if it is there and empty (rmdir); true when it existed. Idempotent. */
export function removeHandCgroup(hand: HandCgroup): boolean {
  if (!existsSync(hand.dir)) return false;
  rmdirSync(hand.dir);
  return true;
}

/** The OOM-kill counter of the hand-made cgroup, read from its events file (undefined when unreadable). */
export function readHandOomKills(hand: HandCgroup): number | undefined {
  try {
    const line = readFileSync(join(hand.dir, hand.eventsFile), "utf8").match(/^oom_kill (\d+)$/m);
    return line ? Number(line[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The limit the kernel reads back from the hand-made cgroup, in bytes (undefined when unreadable). */
export function readHandLimit(hand: HandCgroup): number | undefined {
  try {
    const n = Number(readFileSync(join(hand.dir, hand.limitFile), "utf8").trim());
    return Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds the hand-made cgroups an earlier kernel left (it died between mkdir and rmdir) by their nsbook- name
 * below our cgroups, the way `nsbook stop --all` does, and removes those no process uses. Returns the
 * directories removed.
 */
export async function removeLeftoverHandCgroups(detection: CgroupDetection, name: string): Promise<string[]> {
  const found = await removeStaleCgroups({ detection, prefix: cgroupDirName(name), minAgeMs: 0 });
  return found.removed;
}
