export { readCaughtSignals, signalsInMask } from "./caught-signals.js";
export * from "./cmdline.js";
export * from "./compare-namespaces.js";
export * from "./id-map.js";
export * from "./inspect-container-vs-host.js";
export * from "./ip-json.js";
export * from "./list-processes.js";
export * from "./mount-diff.js";
export * from "./namespace-link.js";
export * from "./net-dev.js";
export {
  countProcNetEntries,
  type NetNamespaceSummary,
  readNetNamespaceSummary,
} from "./net-namespace-summary.js";
export * from "./nsenter-argv.js";
export * from "./pid-namespace-view.js";
export * from "./proc-file-error.js";
export * from "./proc-stat.js";
export * from "./proc-status.js";
export { identifyProcess, isRunning, readStat, waitUntilGone } from "./process-identity.js";
export * from "./process-ref.js";
export { readProcessRoot } from "./process-root.js";
export * from "./process-start-time.js";
export * from "./process-summary.js";
export * from "./read-hostname.js";
export * from "./read-mounts.js";
export * from "./read-namespaces.js";
export * from "./read-network.js";
export * from "./read-proc-file.js";
export * from "./read-process.js";
export * from "./setgroups.js";
export {
  type WaitForProcessesOptions,
  waitForProcesses,
  waitForProcessesGone,
} from "./wait-for-processes.js";
