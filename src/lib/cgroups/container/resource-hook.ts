// Joins the cgroups module to the container engine: importing this installs the engine's resource hook
// (spec.resources -> cgroups, each recorded before it is created) and the disposer of "cgroup" records, so
// any process - `nsbook stop --all` after a crash included - can remove a container's cgroups.

import { registerResourceDisposer } from "../../container/resources/resource-disposers.js";
import {
  type ResourceHookContext,
  type ResourceHookResult,
  setResourceHook,
} from "../../container/resources/resource-hook.js";
import type { ResourceRecord } from "../../container/state/container-state.js";
import { detectCgroups } from "../detect/index.js";
import { removeCgroupDir } from "../fs/cgroup-dir.js";
import { killCgroupProcs } from "../fs/kill-procs.js";
import { controllersForLimits, type ResourceLimitsInput } from "../limits/limits.js";
import { validateLimits } from "../limits/validate-limits.js";
import { cgroupDirName } from "../manager/cgroup-name.js";
import { managerForPlan } from "../manager/new-manager.js";
import { planCgroups } from "../manager/plan-cgroups.js";

/** Kind of the resource records this module writes: one per cgroup directory, id = the directory. */
export const CGROUP_RESOURCE_KIND = "cgroup";

/**
 * The container engine's resource hook: validates `resources` as {@link ResourceLimitsInput}, records every
 * cgroup directory of the container, creates them, writes the limits and returns the cgroup.procs files the
 * container's first process joins before it executes anything.
 */
export async function cgroupResourceHook(context: ResourceHookContext): Promise<ResourceHookResult> {
  const limits = validateLimits(context.resources as ResourceLimitsInput);
  if (context.mode !== "root") {
    throw Object.assign(
      new Error(
        `container "${context.container}": resource limits need nsbook itself to run as root (it writes the cgroup files), ` +
          `and this process is in "${context.mode}" mode: start the CLI or the course with sudo`,
      ),
      { userFacing: true },
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

/** Removes one recorded cgroup directory: kills what is left in it, then rmdir. Idempotent. */
export async function disposeCgroupRecord(record: ResourceRecord): Promise<void> {
  await killCgroupProcs([record.id]);
  await removeCgroupDir(record.id);
}

setResourceHook(cgroupResourceHook);
registerResourceDisposer(CGROUP_RESOURCE_KIND, disposeCgroupRecord);
