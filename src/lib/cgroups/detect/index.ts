export { cgroupDirOf, pathWithinMount } from "./caller-dir.js";
export type { CgroupFacts, DirAccess } from "./cgroup-facts.js";
export {
  CGROUP_ROOT,
  decideLayout,
  findCgroupMounts,
  isReadOnlyMount,
  v1ControllersOf,
} from "./cgroup-mounts.js";
export { CONTROLLER_NAMES, V2_THREADED, type V2Service, v1NameOf, v2ServiceOf } from "./controller-map.js";
export { type DetectCgroupsOptions, detectCgroups, detectCgroupsSync } from "./detect-cgroups.js";
export { detectCgroupsFromFacts } from "./detect-from-facts.js";
export { type Explanation, explainProblem, explainProblems, type ProblemContext } from "./explain-problem.js";
export { wslGenerationOf } from "./kernel-release.js";
export {
  type CgroupReadPlan,
  cgroupReadPlan,
  type LocatedCgroups,
  type LocatedHierarchy,
  locateCgroups,
} from "./locate-cgroups.js";
export { type ReadCgroupFactsOptions, readCgroupFacts, readCgroupFactsSync } from "./read-cgroup-facts.js";
export { shouldForbidSwap, swapAccounted, swapInUse } from "./swap.js";
