// Views of notebook 00, the course's start page: where the CLI is, privilege modes, this machine, leftovers.
export * from "./preflight-cli.js";
export * from "./preflight-leftovers.js";
export * from "./preflight-machine.js";
export * from "./preflight-modes.js";
export * from "./preflight-timings.js";
