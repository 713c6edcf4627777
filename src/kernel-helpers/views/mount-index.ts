// Views of notebook 03 (mount namespace and /proc), also used by 04.
export * from "./mount-diff-table.js";
export * from "./mount-launch-command.js";
export * from "./mount-ps-output.js";
export * from "./mount-scratch.js";
