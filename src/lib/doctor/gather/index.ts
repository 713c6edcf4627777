export { isStaticElf } from "./elf.js";
export { locateTool, SBIN_DIRS } from "./find-tool.js";
export { type ReadDoctorFactsOptions, readDoctorFacts } from "./read-doctor-facts.js";
export { readEnvironment } from "./read-environment.js";
export { readRootfs } from "./read-rootfs.js";
export { readTools } from "./read-tools.js";
export { runProbes } from "./run-probes.js";
