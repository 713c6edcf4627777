// nsbook's library: containers built from the kernel's own tools. It knows nothing of Jupyter.
export * from "./host/index.js";
export * from "./proc/index.js";
export * from "./paths.js";
