export { japaneseOf } from "./checks/japanese.js";
export { evaluateDoctor } from "./evaluate-doctor.js";
export type { DefaultRootfsFacts, DoctorFacts, EnvironmentFacts, ToolFact } from "./facts.js";
export { formatDoctorText, GROUP_TITLES, STATUS_MARKS } from "./format-doctor-text.js";
export { type ReadDoctorFactsOptions, readDoctorFacts } from "./gather/index.js";
export { OVERLAY_PROBE_SCRIPT, PROBES, type ProbeId } from "./probes.js";
export { type RunDoctorOptions, runDoctor } from "./run-doctor.js";
export { TOOL_SPECS, type ToolName } from "./tool-specs.js";
export type { DoctorCheck, DoctorReport, StepReadiness } from "./types.js";
