// Experiments that run containers to show something: step 8's connectivity matrix (every container pings every
// other) and step 11's escape lab (the chroot escape, a fork loop, a hardened container next to a plain one).

export * from "./comparison.js";
export * from "./connectivity.js";
export * from "./escape-lab.js";
export * from "./escape-tool.js";
export * from "./fork-loop.js";
