// Builds the manager a plan calls for: v1, v2, or both on a hybrid host.
import { V1Manager } from "../v1/v1-manager.js";
import { V2Manager } from "../v2/v2-manager.js";
import type { CgroupManager } from "./cgroup-manager.js";
import { CompositeManager } from "./composite-manager.js";
import type { DirCgroupManager } from "./dir-manager.js";
import type { CgroupPlan } from "./plan-cgroups.js";

/** The manager for `plan` (nothing is created until `create()`). */
export function managerForPlan(plan: CgroupPlan): CgroupManager {
  const parts: DirCgroupManager[] = [];
  if (plan.v1.length > 0) parts.push(new V1Manager(plan.dirName, plan.v1));
  if (plan.v2) {
    const { dir, controllers, leafDir } = plan.v2;
    parts.push(new V2Manager(plan.dirName, dir, controllers, leafDir ? { leafDir } : {}));
  }
  const [only] = parts;
  return parts.length === 1 && only ? only : new CompositeManager(plan.dirName, parts);
}
