// kernel-helpers' public API: what notebooks call to show things (tables, charts, live displays,
// self-checks, doctor's report), and what the CLI, the handouts and the tests use. Every name is listed on
// purpose: a name not here is internal to its folder.
// Notebooks import the compiled form: `import { ... } from "../../dist/kernel-helpers/index.js"`.
//
// Where to look: views/NN-<notebook>/ holds what notebook NN shows (named as the notebook's file);
// views/shared/ what several notebooks show (listed last); render/ and display/ the plumbing views use.

export { liveLineChart } from "./charts/index.js";
export {
  CHECK_FAILED_PREFIX,
  check,
  checkPrediction,
  checksSummary,
  checkYourResult,
  parseCheckMarkers,
  requireRootKernel,
  requireUserNamespaces,
  resetChecks,
} from "./checks/index.js";
export { inKernel, showHtml, showMarkdown } from "./display/index.js";
export { showDoctor, showDoctorReport } from "./doctor/index.js";
export type { Lang } from "./i18n/index.js";
export { currentLang, localize } from "./i18n/index.js";
export { escapeHtml, showCompare, showTable } from "./render/index.js";
export { $ } from "./shell/index.js";
export { renderUsageChart } from "./usage-charts/index.js";
export { renderCourseContainers, showCourseContainers } from "./views/00-preflight/leftovers.js";
export { machineRows, showMachineSummary } from "./views/00-preflight/machine.js";
export { describeNsbookCommand, findNsbookCommand } from "./views/00-preflight/nsbook-command.js";
export {
  privilegeModeRows,
  renderPrivilegeModes,
  showPrivilegeModes,
} from "./views/00-preflight/privilege-modes.js";
export type { NamespaceTiming } from "./views/00-preflight/timings.js";
export {
  PREFLIGHT_LINES,
  showNamespaceTimings,
  showNamespaceTimingsChart,
} from "./views/00-preflight/timings.js";
export {
  chrootProcessCountsHtml,
  psRowCount,
  showChrootProcessCounts,
  showRoots,
} from "./views/01-chroot/processes.js";
export {
  alpineUnavailableText,
  rootfsBuiltHtml,
  showAlpineUnavailable,
  showRootfsBuilt,
  showRootfsTop,
} from "./views/01-chroot/rootfs.js";
export {
  processesGoneHtml,
  showCaughtSignals,
  showProcessesGone,
} from "./views/02-pid-namespace/init-process.js";
export { mountDiffTable, selectMountRows, showMountDiff } from "./views/03-mount-namespace/mount-diff.js";
export {
  containerPiecesHtml,
  showContainerPieces,
  showHostnameRefusal,
} from "./views/04-uts-full-container/container-pieces.js";
export {
  describeStarted,
  interfaceNames,
  netNamespaceSide,
} from "./views/05-network-namespace/network-namespace.js";
export type { HandDemo } from "./views/06-cgroups/by-hand.js";
export {
  describeFreshStart,
  HAND_RETRY_HINT,
  prepareHandCgroup,
  showHandPlan,
} from "./views/06-cgroups/by-hand.js";
export {
  CPU_COUNTERS,
  counterMeaning,
  MEMORY_COUNTERS,
  PIDS_COUNTERS,
  readCounters,
  showCounters,
} from "./views/06-cgroups/counters.js";
export { cpuRate, lastTopScreen, showCpuRate, topCpuPercent } from "./views/06-cgroups/cpu.js";
export type { LimitDemo } from "./views/06-cgroups/experiment.js";
export {
  describeOomOutcome,
  explainExitStatus,
  showHogEnd,
  showLiveChart,
} from "./views/06-cgroups/experiment.js";
export { ourParentDirs, placementHtml, showPlacement } from "./views/06-cgroups/placement.js";
export {
  canRun,
  cgroupsReadiness,
  checkWithLimits,
  readinessHint,
  readinessHtml,
  showReadiness,
  showSkipped,
} from "./views/06-cgroups/readiness.js";
export {
  dirVariables,
  setupScript,
  showLimitFiles,
  showSetupScript,
} from "./views/06-cgroups/setup-script.js";
export type { IsolationFacts } from "./views/07-multiple-containers/isolation.js";
export {
  describeStartedContainers,
  isolationRows,
  isolationTable,
  showIsolationTable,
} from "./views/07-multiple-containers/isolation.js";
export { showBridgedContainers, showCommands, showConnectivity } from "./views/08-bridge-network/bridge.js";
export {
  showHostSide,
  showSubidTools,
  showUsernsRestrictions,
  USERNS_LINES,
} from "./views/09-user-namespaces/userns.js";
export {
  overlayOptionRows,
  showLayerEntries,
  showOverlayLaunch,
  showOverlayOptions,
} from "./views/10-overlay-layers/launch-and-options.js";
export type { SeenByContainer } from "./views/10-overlay-layers/layers.js";
export {
  OVERLAY_LINES,
  showCopyUpSizes,
  showLowerLayer,
  showMergedView,
  showSeenByContainers,
  showUppersLeft,
} from "./views/10-overlay-layers/layers.js";
export {
  HARDENING_LINES,
  showCapabilityCounts,
  showHardeningComparison,
  showLabPaths,
} from "./views/11-pivot-root-hardening/hardening.js";
export {
  describeRemoval,
  describeRemovedAll,
  removedContainersHtml,
  showRemovedContainers,
} from "./views/shared/clean-up.js";
export { parsePsOutput, rootListing } from "./views/shared/command-output.js";
export {
  describeInterface,
  interfacesSide,
  netDevSide,
  routesSide,
  showInterfaces,
  showNetDev,
  showRoutes,
} from "./views/shared/interfaces.js";
export {
  launchCommandHtml,
  launchCommandText,
  launchTableHtml,
  showLaunch,
  showLaunchCommand,
} from "./views/shared/launch.js";
export { namespaceTableHtml, showNamespaceTable } from "./views/shared/namespace-table.js";
export { pidMappingHtml, showPidMapping } from "./views/shared/pid-mapping.js";
export type { TerminalEntry } from "./views/shared/terminal.js";
export { execEntry, hostEntry, showTerminal, terminalHtml } from "./views/shared/terminal.js";
