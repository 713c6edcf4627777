// The shared vocabulary of cgroup detection: which hierarchy serves each controller, and where nsbook may
// create cgroups. Detection (src/lib/cgroups/detect/) produces these; managers and doctor consume them.

/** Controllers nsbook uses. */
export type ControllerName = "memory" | "cpu" | "cpuacct" | "pids" | "cpuset" | "io" | "freezer";

/** Overall layout of /sys/fs/cgroup. */
export type CgroupLayout = "v1" | "v2" | "hybrid" | "none";

/** Where one controller is served and whether nsbook can use it. */
export interface ControllerPlacement {
  controller: ControllerName;
  /** Which cgroup version serves it on this host; "none" when no hierarchy has it. */
  version: 1 | 2 | "none";
  /** Mount point of the hierarchy, e.g. /sys/fs/cgroup/memory (v1) or /sys/fs/cgroup (v2). */
  mountPoint?: string;
  /** The caller's cgroup in that hierarchy, from /proc/self/cgroup, e.g. "/user.slice/session-2.scope". */
  callerPath?: string;
  /** Absolute directory below which nsbook creates its cgroups: mountPoint + callerPath. */
  parentDir?: string;
  /** True when nsbook can create child cgroups there and use this controller in them. */
  usable: boolean;
  /** Why not, when not usable (read-only mount, no permission, v2 no-internal-processes, not enabled...). */
  whyNot?: string;
  /** The exact fix for a learner, when there is one. */
  fix?: string;
  /** whyNot and fix in Japanese, for the Japanese notebooks. */
  ja?: { whyNot: string; fix?: string };
  /** Machine-readable reasons it is not usable, in the order they would bite (empty when usable). */
  problems?: CgroupProblem[];
  /** v1: every controller of the hierarchy this one is mounted with, e.g. ["cpu", "cpuacct"] when co-mounted. */
  hierarchyControllers?: string[];
  /** v2: listed in the caller's cgroup.controllers (its parent enabled it for the caller's level). */
  availableToCaller?: boolean;
  /** v2: already listed in the caller's cgroup.subtree_control (children get it without any write). */
  enabledForChildren?: boolean;
  /**
   * v2: "+<controller>" must first be written to parentDir/cgroup.subtree_control, and that write would work
   * (only in the root cgroup, which the no-internal-processes rule exempts). nsbook does not change cgroups
   * it did not create, so such a controller is not usable until the user runs the fix.
   */
  needsEnable?: boolean;
  /**
   * v2: the caller's cgroup is not the root, holds processes and is delegated to us (we may write its
   * cgroup.procs and cgroup.subtree_control): nsbook moves its processes into this leaf (`parentDir/nsbook-leaf`)
   * and enables the controller in parentDir/cgroup.subtree_control before creating a container's cgroup beside
   * it. Also set once the caller lives in that leaf (callerPath then ends in /nsbook-leaf; parentDir is its parent).
   */
  leafDir?: string;
  /** Something a user of this controller should know, e.g. that v2 has no cpuacct and cpu.stat serves it. */
  note?: string;
}

/** Why a controller cannot be used below the caller's cgroup. */
export type CgroupProblem =
  /** No mounted hierarchy (v1 or v2) has the controller. */
  | "not-present"
  /** /proc/self/cgroup names no cgroup for this hierarchy. */
  | "no-caller-cgroup"
  /** The caller's cgroup lies outside the subtree mounted here (another cgroup namespace or a bind mount). */
  | "outside-mount"
  /** The hierarchy is mounted read-only (typical of a container started without privileges). */
  | "read-only"
  /** v2: the parent has not enabled the controller for the caller's cgroup (not in its cgroup.controllers). */
  | "not-delegated"
  /** The caller's cgroup directory does not exist in this mount. */
  | "missing-dir"
  /** No write permission on the caller's cgroup directory. */
  | "no-permission"
  /**
   * v2: the caller's (non-root) cgroup has processes, so controllers cannot be enabled for its children, and it
   * is not delegated to us (not writable), so nsbook cannot move them into a leaf first.
   */
  | "internal-processes"
  /** v2: the caller is the root cgroup and the controller is not in its cgroup.subtree_control yet. */
  | "not-enabled"
  /**
   * v2 on a systemd host: the caller's cgroup belongs to systemd (a login session's scope, a service, a slice),
   * not to a scope nsbook started with Delegate=yes; nsbook neither creates cgroups there nor moves its processes.
   */
  | "systemd-owned";

/** The whole picture of cgroups for the calling process. */
export interface CgroupDetection {
  layout: CgroupLayout;
  /** Mount point of the v2 hierarchy, if any (/sys/fs/cgroup or /sys/fs/cgroup/unified). */
  v2MountPoint?: string;
  /** The caller's v2 cgroup path ("0::" line), if any. */
  v2CallerPath?: string;
  controllers: ControllerPlacement[];
  /** Controllers the v2 hierarchy offers at its top (its root's cgroup.controllers), if read. */
  v2Controllers?: string[];
  /** True when the caller's v2 cgroup is the real root cgroup (exempt from the no-internal-processes rule). */
  v2CallerIsRoot?: boolean;
  /** True/false when known: the caller is in a cgroup namespace other than PID 1's. */
  inCgroupNamespace?: boolean;
  /** True when systemd manages this host's cgroups (nsbook then works only in a scope it started: see place-v2.ts). */
  systemdManaged?: boolean;
}
