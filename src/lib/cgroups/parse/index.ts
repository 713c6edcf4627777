export * from "./cpu-max.js";
export * from "./flat-keyed.js";
export * from "./procs.js";
export * from "./single-value.js";
