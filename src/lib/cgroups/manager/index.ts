export * from "./cgroup-manager.js";
export * from "./cgroup-name.js";
export * from "./cgroup-write.js";
export * from "./composite-manager.js";
export * from "./dir-manager.js";
export * from "./manager-for-dirs.js";
export * from "./new-manager.js";
export * from "./plan-cgroups.js";
