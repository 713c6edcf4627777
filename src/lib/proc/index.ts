export * from "./mountinfo.js";
export * from "./proc-cgroup.js";
