// Views of notebooks 03 (mount namespace and /proc) and 04 (UTS, the full container).
export * from "./mount-diff-table.js";
export * from "./mount-launch-command.js";
export * from "./mount-ps-output.js";
export * from "./mount-scratch.js";
export * from "./uts-pieces.js";
export * from "./uts-refusal.js";
