// The cgroups of one container: created with its limits before the container starts, removed with it.
import { NsbookError } from "../../errors/index.js";
import { detectCgroups } from "../detect/index.js";
import { type CgroupLimits, controllersForLimits, type ResourceLimitsInput } from "../limits/limits.js";
import { validateLimits } from "../limits/validate-limits.js";
import type { CgroupManager } from "../manager/cgroup-manager.js";
import { cgroupDirName } from "../manager/cgroup-name.js";
import { managerForPlan } from "../manager/new-manager.js";
import { planCgroups, type UnavailableController } from "../manager/plan-cgroups.js";
import type { CgroupDetection } from "../types.js";
import { wrapArgvToEnterCgroups } from "./enter-cgroups.js";

/** Options for {@link createContainerCgroups} and {@link openContainerCgroups}. */
export interface ContainerCgroupsOptions {
  /** cgroup detection to plan from. @default a fresh `detectCgroups()` */
  detection?: CgroupDetection;
}

/** A container's cgroups, created and limited. */
export interface ContainerCgroups {
  /** The container name as given. */
  name: string;
  /** The manager (usage, kill, destroy). */
  manager: CgroupManager;
  /** The limits applied, in kernel units. */
  limits: CgroupLimits;
  /** Every cgroup directory, one per hierarchy. */
  dirs: readonly string[];
  /** cgroup.procs of every directory (for {@link wrapArgvToEnterCgroups}). */
  procsFiles: readonly string[];
  /** Managed controllers left out because not usable here (no limit needed them). */
  unavailable: readonly UnavailableController[];
  /** `argv` wrapped so that its process joins these cgroups before it executes anything. */
  wrapArgv(argv: readonly string[]): string[];
  /** Kills what is left in the cgroups and removes them in every hierarchy. Idempotent. */
  dispose(): Promise<void>;
}

/**
 * Validates `limits`, creates the cgroups of container `name` ("nsbook-<name>" below the caller's cgroup in
 * every hierarchy that serves memory, cpu, cpuacct or pids here) and writes the limits. Throws before
 * touching anything when a limit is invalid ({@link LimitError}) or needs a controller that is not usable
 * here ({@link CgroupUnavailableError}, with the fix); removes what it created when a write fails.
 */
export async function createContainerCgroups(
  name: string,
  limits: ResourceLimitsInput = {},
  options: ContainerCgroupsOptions = {},
): Promise<ContainerCgroups> {
  const dirName = cgroupDirName(name);
  const validated = validateLimits(limits);
  const detection = options.detection ?? (await detectCgroups());
  const plan = planCgroups(detection, dirName, controllersForLimits(validated));
  const manager = managerForPlan(plan);
  await manager.create();
  try {
    await manager.set(validated);
  } catch (e) {
    await manager.destroy().catch(() => {});
    throw e;
  }
  return wrap(name, manager, validated, plan.unavailable);
}

/**
 * Finds the existing cgroups of container (or cgroup) `name` without changing them, e.g. for `nsbook stats`.
 * Throws a user-facing error when none exists.
 */
export async function openContainerCgroups(
  name: string,
  options: ContainerCgroupsOptions = {},
): Promise<ContainerCgroups> {
  const dirName = cgroupDirName(name);
  const detection = options.detection ?? (await detectCgroups());
  const plan = planCgroups(detection, dirName);
  const manager = managerForPlan(plan);
  if (!manager.exists()) {
    throw new NsbookError(
      "cgroup",
      `no cgroups named ${dirName} exist (looked in ${manager.dirs.join(", ") || "no usable hierarchy"}): is the container running?`,
    );
  }
  return wrap(name, manager, {}, plan.unavailable);
}

function wrap(
  name: string,
  manager: CgroupManager,
  limits: CgroupLimits,
  unavailable: readonly UnavailableController[],
): ContainerCgroups {
  return {
    name,
    manager,
    limits,
    dirs: manager.dirs,
    procsFiles: manager.procsFiles,
    unavailable,
    wrapArgv: (argv) => wrapArgvToEnterCgroups(manager.procsFiles, argv),
    dispose: () => manager.dispose(),
  };
}
