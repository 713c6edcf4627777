// The one place that decides, per controller, which cgroup version and directory serves a container.

import { basename, dirname, join, resolve } from "node:path";
import { NsbookError } from "../../errors/index.js";
import type { CgroupDetection, ControllerName, ControllerPlacement } from "../types.js";
import type { ControllerDir } from "./cgroup-manager.js";
import { LEAF_CGROUP_NAME } from "./cgroup-name.js";

/** Controllers a container's cgroups use: limits (memory, cpu, pids) and usage (cpuacct). */
export const MANAGED_CONTROLLERS: readonly ControllerName[] = ["memory", "cpu", "cpuacct", "pids"];

/** A controller left out, and why. */
export interface UnavailableController {
  controller: ControllerName;
  whyNot: string;
  fix?: string;
}

/** Where a container's cgroups go. */
export interface CgroupPlan {
  dirName: string;
  /** Controllers served by v1 hierarchies, each with its directory (co-mounted ones share one). */
  v1: ControllerDir[];
  /**
   * The one v2 directory and the controllers it serves (possibly none: cpu.stat and cgroup.kill need none).
   * `leafDir`: the caller's cgroup is delegated but holds processes; they move into this leaf (a sibling of
   * `dir`) before the controllers are enabled (see enterDelegatedLeaf).
   */
  v2?: { dir: string; controllers: ControllerName[]; leafDir?: string };
  /** Controllers not usable here (and not needed by any limit). */
  unavailable: UnavailableController[];
}

/** A controller a limit needs is not usable here: says why and how to fix it (from detection). */
export class CgroupUnavailableError extends NsbookError {
  override readonly name: string = "CgroupUnavailableError";
  readonly controller: ControllerName;
  readonly whyNot: string;
  readonly fix?: string;

  constructor(u: UnavailableController) {
    super(
      "cgroup-unavailable",
      `cannot use the ${u.controller} cgroup controller: ${u.whyNot}${u.fix ? `\n  fix: ${u.fix}` : ""}`,
      u.fix ? { hint: u.fix } : {},
    );
    this.controller = u.controller;
    this.whyNot = u.whyNot;
    this.fix = u.fix;
  }
}

function unavailable(
  controller: ControllerName,
  p: ControllerPlacement | undefined,
): UnavailableController | undefined {
  if (!p || p.version === "none")
    return { controller, whyNot: p?.whyNot ?? "no mounted cgroup hierarchy has it", fix: p?.fix };
  if (!p.usable) return { controller, whyNot: p.whyNot ?? "detection says it is not usable", fix: p.fix };
  if (!p.parentDir) return { controller, whyNot: "detection found no directory for the caller's cgroup" };
  if (p.version === 2 && p.needsEnable) {
    // nsbook never writes subtree_control of a cgroup it did not create: the user enables it once.
    const file = join(p.parentDir, "cgroup.subtree_control");
    return {
      controller,
      whyNot: `${controller} is not enabled for children of ${p.parentDir} (not in ${file}), and nsbook does not change cgroups it did not create`,
      fix: `echo +${controller} | sudo tee ${file}`,
    };
  }
  return undefined;
}

/**
 * Where nsbook's v2 cgroups go for a caller whose v2 cgroup directory is `callerDir`: that directory, or its
 * parent once nsbook has moved the caller into `<parent>/nsbook-leaf` (the containers are the leaf's siblings).
 */
export function nsbookV2Parent(callerDir: string): string {
  return basename(callerDir) === LEAF_CGROUP_NAME ? dirname(callerDir) : callerDir;
}

/**
 * Plans the cgroups of container cgroup `dirName`: every managed controller that is usable goes to its
 * hierarchy (v1: one directory per mount below the caller's cgroup there; v2: one directory below the
 * caller's v2 cgroup). A controller in `needed` (because a limit uses it) that is not usable throws
 * {@link CgroupUnavailableError} with detection's reason and fix; one that is not needed is left out.
 *
 * On a pure v2 host the container gets its v2 directory even when no controller is usable there (a cgroup
 * with processes that is not delegated to us): CPU usage (cpu.stat), cgroup.kill and cgroup.events need no
 * controller. In a delegated cgroup with processes the plan carries the `leafDir` they move into first.
 */
export function planCgroups(
  detection: CgroupDetection,
  dirName: string,
  needed: readonly ControllerName[] = [],
): CgroupPlan {
  const plan: CgroupPlan = { dirName, v1: [], unavailable: [] };
  const v2Controllers: ControllerName[] = [];
  let v2Parent: string | undefined;
  let leafDir: string | undefined;
  for (const controller of MANAGED_CONTROLLERS) {
    const p = detection.controllers.find((c) => c.controller === controller);
    const problem = unavailable(controller, p);
    if (problem) {
      if (needed.includes(controller)) throw new CgroupUnavailableError(problem);
      plan.unavailable.push(problem);
      continue;
    }
    const placement = p as ControllerPlacement & { parentDir: string };
    if (placement.version === 1) {
      plan.v1.push({ controller, version: 1, dir: join(placement.parentDir, dirName) });
    } else {
      v2Controllers.push(controller);
      v2Parent ??= placement.parentDir;
      leafDir ??= placement.leafDir;
    }
  }
  for (const c of needed) {
    if (!MANAGED_CONTROLLERS.includes(c))
      throw new RangeError(`planCgroups: nsbook does not manage the ${c} controller`);
  }
  if (
    v2Parent === undefined &&
    detection.layout === "v2" &&
    detection.v2MountPoint &&
    detection.v2CallerPath
  ) {
    v2Parent = nsbookV2Parent(resolve(detection.v2MountPoint, `.${detection.v2CallerPath}`));
  }
  if (v2Parent !== undefined) {
    plan.v2 = { dir: join(v2Parent, dirName), controllers: v2Controllers, ...(leafDir ? { leafDir } : {}) };
  }
  return plan;
}
