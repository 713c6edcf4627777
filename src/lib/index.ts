// nsbook's library: containers built from the kernel's own tools. It knows nothing of Jupyter.

export * from "./cgroups/index.js";
export * from "./container/index.js";
export * from "./doctor/index.js";
export * from "./hardening/index.js";
export * from "./host/index.js";
export * from "./inspect/index.js";
export * from "./network/index.js";
export * from "./overlay/index.js";
export * from "./paths.js";
export * from "./privilege/index.js";
export * from "./proc/index.js";
export * from "./rootfs/index.js";
export * from "./text/index.js";
