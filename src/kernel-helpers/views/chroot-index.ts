// Views of notebooks 01 (chroot) and 02 (PID namespace).
export * from "./chroot-launch.js";
export * from "./chroot-namespaces.js";
export * from "./chroot-terminal.js";
export * from "./pid-mapping.js";
export * from "./pid-signals.js";
