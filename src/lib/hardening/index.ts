// Hardening a container as runc does, and showing why: the chroot escape, capabilities, masked paths, runc's defaults.
export * from "./capabilities.js";
export * from "./comparison.js";
export * from "./escape-lab.js";
export * from "./escape-tool.js";
export * from "./fork-loop.js";
export * from "./runc-paths.js";
