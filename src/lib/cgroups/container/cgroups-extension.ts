// What the cgroups give a container (container/extensions.ts composes them into the engine): its cgroups,
// created from spec.resources, each recorded before it is created; its exit as the cgroup's counters saw it (an
// OOM kill is reported as exit 137); and the disposer of "cgroup" records, so any process - `nsbook stop --all`
// after a crash included - can remove a container's cgroups.

import type { ObservedExit, ResourcesContext, ResourcesResult } from "../../core/extensions.js";
import type { ContainerState, ResourceRecord } from "../../core/state.js";
import { NsbookError } from "../../errors/index.js";
import { detectCgroups } from "../detect/index.js";
import { removeCgroupDir } from "../fs/cgroup-dir.js";
import { killCgroupProcs } from "../fs/kill-procs.js";
import { controllersForLimits, type ResourceLimitsInput } from "../limits/limits.js";
import { validateLimits } from "../limits/validate-limits.js";
import { cgroupDirName } from "../manager/cgroup-name.js";
import { managerForDirs } from "../manager/manager-for-dirs.js";
import { managerForPlan } from "../manager/new-manager.js";
import { planCgroups } from "../manager/plan-cgroups.js";
import type { UsageSample } from "../usage/usage-sample.js";
import { describeExit } from "./describe-exit.js";

/** Kind of the resource records this module writes: one per cgroup directory, id = the directory. */
export const CGROUP_RESOURCE_KIND = "cgroup";

/** What the container's cgroups tell about its end. */
export interface ExitInspection {
  /** The exit code to report: 137 after an OOM kill, whatever unshare said. */
  exitCode: number;
  /** True when the OOM killer ended the container. */
  oomKilled: boolean;
  /** One line, e.g. "killed: out of memory (limit 32 MiB, peak 32 MiB)" or "exited with code 0". */
  message: string;
  /** The same line in Japanese. */
  messageJa?: string;
  /** Its cgroups' usage read after the end (peak memory, CPU time, limit hits). */
  usage?: UsageSample;
}

/**
 * A container's cgroups: validates `resources` as {@link ResourceLimitsInput}, records every
 * cgroup directory of the container, creates them, writes the limits and returns the cgroup.procs files the
 * container's first process joins before it executes anything.
 */
export async function cgroupsForContainer(context: ResourcesContext): Promise<ResourcesResult> {
  const limits = validateLimits(context.resources as ResourceLimitsInput);
  if (context.mode !== "root") {
    throw new NsbookError(
      "privilege",
      `container "${context.container}": resource limits need nsbook itself to run as root (it writes the cgroup files), ` +
        `and this process is in "${context.mode}" mode: start the CLI or the course with sudo`,
    );
  }
  const detection = await detectCgroups();
  const manager = managerForPlan(
    planCgroups(detection, cgroupDirName(context.container), controllersForLimits(limits)),
  );
  for (const dir of manager.dirs) await context.record({ kind: CGROUP_RESOURCE_KIND, id: dir });
  await manager.create();
  await manager.set(limits);
  return { cgroupProcsFiles: [...manager.procsFiles] };
}

/**
 * How the container ended, as its cgroups saw it: reads the container's recorded cgroups (before they are removed) and
 * describes its end with {@link describeExit}, so an OOM kill is reported as exit 137 whatever unshare said.
 * Undefined when the container has no cgroups or they are gone. The cgroups were created fresh for the
 * container, so their counters started at 0.
 */
export async function inspectCgroupExit(
  state: ContainerState,
  exit: ObservedExit,
): Promise<ExitInspection | undefined> {
  const dirs = state.resources.filter((r) => r.kind === CGROUP_RESOURCE_KIND).map((r) => r.id);
  if (dirs.length === 0) return undefined;
  const manager = managerForDirs(dirs);
  if (!manager.exists()) return undefined;
  try {
    const after = manager.readUsage();
    return { ...describeExit({ exitCode: exit.code, signal: exit.signal, after }), usage: after };
  } finally {
    manager.closeFiles();
  }
}

/** Removes one recorded cgroup directory: kills what is left in it, then rmdir. Idempotent. */
export async function disposeCgroupRecord(record: ResourceRecord): Promise<void> {
  await killCgroupProcs([record.id]);
  await removeCgroupDir(record.id);
}
