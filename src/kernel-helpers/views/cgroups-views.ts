// Views of notebook 06 (cgroups).

export * from "./cgroups-by-hand.js";
export * from "./cgroups-counters.js";
export * from "./cgroups-cpu-rate.js";
export * from "./cgroups-demo.js";
export * from "./cgroups-exit.js";
export * from "./cgroups-live.js";
export * from "./cgroups-placement.js";
export * from "./cgroups-readiness.js";
export * from "./cgroups-setup.js";
export * from "./cgroups-top.js";
