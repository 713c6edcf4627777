// nsbook's library: containers built from the kernel's own tools. It knows nothing of Jupyter.
//
// The public API: what the CLI, the kernel helpers, the handouts and the notebooks use, named one by one. Inside
// src/lib, folders import each other directly (scripts/check-layers.ts keeps them pointing down); from outside,
// everything comes from here.

// cgroups: limits, usage, v1 and v2
export {
  type CgroupDetection,
  type CgroupManager,
  type CgroupWrite,
  type ControllerName,
  type ControllerPlacement,
  cgroupDirName,
  cpuLimitCores,
  describeExit,
  detectCgroups,
  type ExitDescription,
  enterDelegatedLeaf,
  findContainerCgroups,
  formatSize,
  formatUsage,
  isNsbookScope,
  LimitError,
  MANAGED_CONTROLLERS,
  parseSize,
  planCgroups,
  type ResourceLimitsInput,
  removeStaleCgroups,
  type SamplerResult,
  SIZE_FORMAT_HELP,
  scopeCgroupPrefix,
  startSampler,
  type UsageEvent,
  type UsageSample,
  type UsageSampler,
  v1LimitWrites,
  v2LimitWrites,
  validateLimits,
} from "./cgroups/index.js";
// Containers: start, run, exec, stop, list
export {
  attachCommand,
  type BridgeChoice,
  buildLaunchArgv,
  CGROUP_JOIN_SCRIPT,
  CONTAINER_SIGNALS,
  Container,
  type ContainerInfo,
  type ContainerOptions,
  type ContainerState,
  containerLogs,
  type ExecOptions,
  type ExecResult,
  type Extensions,
  execInContainer,
  findMarkedProcesses,
  getContainer,
  type HardeningOptions,
  INIT_SCRIPT,
  isRunning,
  listContainers,
  listVisibleContainers,
  locateContainer,
  NSBOOK_EXTENSIONS,
  PIVOT_ROOT_SCRIPT,
  PREPARE_ROOT_SCRIPT,
  type ProcessOutcome,
  parseNamespaceList,
  qualifiedName,
  type RunResult,
  removeContainer,
  removeScopeIfEmpty,
  runContainer,
  SETUP_FAILED_EXIT,
  STEP_RECIPES,
  STEP7_NAMESPACES,
  type StepRecipe,
  type StopOutcome,
  type StopSignal,
  signalContainer,
  startContainer,
  stateDirOf,
  stepRecipe,
  stopAllInVisibleScopes,
  stopContainer,
  type UsernsOptions,
} from "./container/index.js";
// Paths, per-learner scopes, container state and the resource registry
export {
  containerDir,
  currentScope,
  defaultRootfsDir,
  generateContainerName,
  readState,
  readStoredState,
  runDir,
  scopeText,
  TERMINAL_SESSION,
  validateContainerName,
  withScope,
} from "./core/index.js";
// The course: its steps, titles, notebooks
export {
  CORE_STEPS,
  COURSE_STEPS,
  type CourseStep,
  courseStep,
} from "./course/index.js";
// What this machine can do (nsbook doctor)
export {
  type DoctorCheck,
  type DoctorReport,
  formatDoctorText,
  japaneseOf,
  type RunDoctorOptions,
  runDoctor,
  type StepReadiness,
} from "./doctor/index.js";
// Errors
export {
  ContainerError,
  type ContainerErrorCode,
  describeValue,
  explainError,
  InvalidOptionError,
  invalidOption,
  isNsbookError,
  NsbookError,
  type NsbookErrorOptions,
} from "./errors/index.js";
// Hardening: capabilities, masked paths
export {
  decodeCapabilityMask,
  LINUX_CAPABILITIES,
  normalizeCapDrop,
} from "./hardening/index.js";
// Host commands
export {
  formatCommand,
  type HostResult,
  type ProcessResult,
  type RunHostOptions,
  runHost,
  shellQuote,
} from "./host/index.js";
// Looking at processes, namespaces, mounts and interfaces
export {
  compareNamespaces,
  diffMounts,
  formatIdMap,
  hostUidOf,
  type IdMapRange,
  isSameProcess,
  listProcessIds,
  type MountDiff,
  type MountRow,
  type NamespaceComparison,
  type NamespaceLink,
  type NetDevEntry,
  type NetworkInterface,
  type PidNamespaceView,
  type ProcessRef,
  type ProcessSeenInside,
  type Route,
  readGidMap,
  readHostname,
  readInterfaces,
  readMounts,
  readNamespaces,
  readNetDev,
  readProcess,
  readProcessesSeenBy,
  readProcText,
  readRoutes,
  readSetgroups,
  readUidMap,
} from "./inspect/index.js";
// Experiments: connectivity matrix, escape lab
export {
  attemptChrootEscape,
  attemptProcRootEscape,
  boundedForkLoopScript,
  type ComparisonRow,
  type ConnectivityMatrix,
  connectivityMatrix,
  createEscapeLab,
  hardeningComparison,
  parseForkLoopStarted,
} from "./lab/index.js";
// Networking: bridge, veths, addresses
export {
  bridgeInScope,
  bridgeSetupPlan,
  type ContainerNetwork,
  containerNetwork,
  containersUsingBridge,
  DEFAULT_BRIDGE,
  DEFAULT_SUBNET,
  isIpv4,
  natCommands,
  type PublishedPort,
  readBridge,
  readBridgePorts,
  readLeases,
  resolveBridgeOptions,
  unrecordedVeths,
  vethSetupPlan,
} from "./network/index.js";
// overlayfs layers
export {
  commitLayer,
  digestTree,
  findWhiteouts,
  type LayerEntry,
  listKeptUppers,
  listLayerEntries,
  listLayers,
  OVERLAY_SCRIPT,
  OVERLAY_SOURCE,
  type OverlayOptions,
  overlayMountData,
  removeKeptUpper,
  removeLayer,
} from "./overlay/index.js";
// Privilege: root, sudo or rootless
export {
  type PrivilegeMode,
  passwordlessRoot,
  probeUnprivilegedUserns,
  readPrivilegeFacts,
  stepsUnavailableIn,
  takeUserEnvArgs,
  type UsernsRestriction,
  userEnvArgs,
  usernsRestrictionsOf,
} from "./privilege/index.js";
// /proc readers
export { parseMountInfo } from "./proc/index.js";
// Root filesystems
export {
  buildBusyboxRootfs,
  DEFAULT_ALPINE_MIRROR,
  DEFAULT_ALPINE_VERSION,
  type DownloadProgress,
  findHostBusybox,
  importRootfs,
  installAlpineRootfs,
  listRootfs,
  type RootfsBuildResult,
  RootfsError,
  removeRootfs,
  resolveRootfs,
} from "./rootfs/index.js";
// Text helpers
export {
  isLang,
  type Lang,
  type Localized,
  textIn,
} from "./text/index.js";
