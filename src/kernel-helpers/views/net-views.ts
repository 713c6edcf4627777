// Views of step 5 (network namespace).
export * from "./net-interfaces.js";
export * from "./net-lines.js";
export * from "./net-namespace-summary.js";
export * from "./net-transcript.js";
