export * from "./cgroup-dir.js";
export * from "./cgroup-file.js";
export * from "./cgroup-file-error.js";
export * from "./file-reader.js";
export * from "./kill-procs.js";
