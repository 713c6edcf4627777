export * from "./cgroups-extension.js";
export * from "./container-cgroups.js";
export * from "./describe-exit.js";
export * from "./enter-cgroups.js";
export * from "./find-container-cgroups.js";
export * from "./remove-stale-cgroups.js";
