export { debianPackageFor } from "./debian-packages.js";
export { type HintInput, hintFor } from "./hints.js";
export {
  formatCommand,
  HostCommandError,
  type HostCommandFailure,
  shellQuote,
} from "./host-command-error.js";
export { type InitFacts, readInitFacts } from "./init-system.js";
export {
  type HostResult,
  type ProcessResult,
  type RunHostOptions,
  runHost,
  withSbinPath,
} from "./run-host.js";
