// Views of step 7 (several containers side by side).
export * from "./multi-container-table.js";
export * from "./multi-lines.js";
export * from "./multi-wait.js";
