export * from "./v1-limit-writes.js";
export * from "./v1-manager.js";
export * from "./v1-usage.js";
