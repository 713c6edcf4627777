export * from "./delegated-leaf.js";
export * from "./v2-limit-writes.js";
export * from "./v2-manager.js";
export * from "./v2-usage.js";
