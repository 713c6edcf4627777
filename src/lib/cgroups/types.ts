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
}

/** The whole picture of cgroups for the calling process. */
export interface CgroupDetection {
  layout: CgroupLayout;
  /** Mount point of the v2 hierarchy, if any (/sys/fs/cgroup or /sys/fs/cgroup/unified). */
  v2MountPoint?: string;
  /** The caller's v2 cgroup path ("0::" line), if any. */
  v2CallerPath?: string;
  controllers: ControllerPlacement[];
}
