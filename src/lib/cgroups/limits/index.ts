export * from "./cpu-weight.js";
export * from "./limit-error.js";
export * from "./limits.js";
export * from "./parse-cpus.js";
export * from "./parse-size.js";
export * from "./validate-limits.js";
