// Views of notebooks 01 (chroot) and 02 (PID namespace), and the clean-up table every step notebook ends with.
export * from "./chroot-launch.js";
export * from "./chroot-namespaces.js";
export * from "./chroot-processes.js";
export * from "./chroot-rootfs.js";
export * from "./chroot-terminal.js";
export * from "./pid-mapping.js";
export * from "./pid-namespace-end.js";
export * from "./pid-signals.js";
export * from "./removed-containers.js";
