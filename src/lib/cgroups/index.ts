// cgroups: detection (detect/), validated limits, v1/v2 managers, usage sampling and container cgroups.
export * from "./container/index.js";
export * from "./detect/index.js";
export * from "./fs/index.js";
export {
  type HandCgroup,
  planHandCgroup,
  readHandLimit,
  readHandOomKills,
  removeHandCgroup,
  removeLeftoverHandCgroups,
} from "./hand-made-cgroup.js";
export * from "./limits/index.js";
export * from "./manager/index.js";
export * from "./parse/index.js";
export type * from "./types.js";
export * from "./usage/index.js";
export * from "./v1/index.js";
export * from "./v2/index.js";
