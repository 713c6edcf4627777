// Everything doctor looks at, captured: the pure evaluation (evaluateDoctor) reads only this, so every check
// is unit-tested from captured facts, and gathering (gather/) is the only part that touches the host.
import type { CgroupFacts } from "../cgroups/detect/index.js";
import type { CommandOutcome, PrivilegeFacts } from "../privilege/index.js";
import type { ProbeId } from "./probes.js";
import type { ToolName } from "./tool-specs.js";

/** Signs of WSL and of running inside a container. */
export interface EnvironmentFacts {
  /** Text of /proc/version. */
  procVersion?: string;
  /** $WSL_DISTRO_NAME (set by WSL in every distro shell). */
  wslDistroName?: string;
  /** $container (systemd-nspawn, podman, lxc set it). */
  containerVar?: string;
  /** /.dockerenv exists. */
  dockerenv: boolean;
  /** /run/.containerenv exists (podman). */
  containerenv: boolean;
  /** Text of /proc/1/cgroup, if readable. */
  pid1Cgroup?: string;
  /** nsbook's run directory for this process (`runDir()`), where overlays keep their upper and work layers. */
  runDir?: string;
  /** nsbook's data directory (`dataDir()`): committed layers and kept upper layers live there. */
  dataDir?: string;
}

/** One host tool as found. */
export interface ToolFact {
  /** Where it is on $PATH. */
  path?: string;
  /** Where it is when it is not on $PATH but in an sbin directory (Debian users lack /usr/sbin on PATH). */
  offPath?: string;
  /** What its version option printed (stdout and stderr). */
  versionOutput?: string;
  /** For busybox: true when it is statically linked (no ELF interpreter). */
  isStatic?: boolean;
}

/** The default root filesystem as found. */
export interface DefaultRootfsFacts {
  dir: string;
  hasBusybox: boolean;
  hasSh: boolean;
}

/** The captured input of {@link evaluateDoctor}. */
export interface DoctorFacts {
  /** ISO time the facts were gathered. */
  generatedAt: string;
  privilege: PrivilegeFacts;
  kernelRelease: string;
  environment: EnvironmentFacts;
  cgroups: CgroupFacts;
  /** Namespace and filesystem probes actually run; absent when probing was turned off. */
  probes?: Partial<Record<ProbeId, CommandOutcome>>;
  rootfs: DefaultRootfsFacts;
  tools: Partial<Record<ToolName, ToolFact>>;
  /** process.versions.node of the running Node. */
  nodeVersion: string;
}
