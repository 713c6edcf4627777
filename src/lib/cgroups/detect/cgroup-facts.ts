// What cgroup detection looks at, captured as text: the pure detection reads only this, so every branch can be
// tested from files captured on real hosts (test/fixtures/hosts/).

/** Whether the caller may create entries in a directory (access(2) with W_OK). */
export type DirAccess = "writable" | "not-writable" | "missing";

/** The captured input of {@link detectCgroupsFromFacts}. */
export interface CgroupFacts {
  /** Text of /proc/self/mountinfo. */
  mountinfo: string;
  /** Text of /proc/self/cgroup. */
  procSelfCgroup: string;
  /**
   * Text of the cgroupfs files detection needs (see {@link cgroupFilesToRead}), by absolute path on the host,
   * e.g. "/sys/fs/cgroup/user.slice/cgroup.subtree_control". A file that could not be read is absent.
   */
  files: Readonly<Record<string, string>>;
  /**
   * access(W_OK) of the caller's cgroup directory in each hierarchy (on v2 also of its cgroup.procs and
   * cgroup.subtree_control: delegation is write access to all three), by absolute path.
   */
  dirAccess: Readonly<Record<string, DirAccess>>;
  /** Effective uid of the caller. */
  uid: number;
  /** Kernel release (uname -r), used to tailor fixes (WSL2). @default "" */
  kernelRelease?: string;
  /**
   * systemd manages this host's cgroups: /run/systemd/system exists (what sd_booted() tests). Then every cgroup
   * belongs to systemd except the subtree of a unit started with Delegate=yes. @default false
   */
  systemdManaged?: boolean;
  /** Inode links of /proc/self/ns/cgroup and /proc/1/ns/cgroup, when readable ("cgroup:[4026531835]"). */
  cgroupNamespace?: { self?: string; init?: string };
}
