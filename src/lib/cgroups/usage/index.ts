export * from "./format-usage.js";
export * from "./sampler.js";
export * from "./usage-sample.js";
