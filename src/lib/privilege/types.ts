// The vocabulary of privilege detection: how nsbook can get the rights containers need here.

/** How nsbook can get the privileges containers need on this machine: root; a non-root user with
 * passwordless sudo; a non-root user whose unprivileged user namespaces work (rootless); none of these. */
export type PrivilegeMode = "root" | "sudo" | "rootless" | "none";

/** How one tried command ended. */
export interface CommandOutcome {
  /** The command as typed, e.g. "unshare --user --map-root-user true". */
  command: string;
  /** The argv that ran. */
  argv: readonly string[];
  ok: boolean;
  /** Exit code; undefined when it did not start or was killed. */
  exitCode?: number;
  /** What it wrote to stderr (trimmed), or why it did not start. */
  stderr: string;
}

/** The sysctls that restrict unprivileged user namespaces, as read from /proc/sys (absent: no such file). */
export interface UsernsSysctls {
  /** /proc/sys/kernel/apparmor_restrict_unprivileged_userns (Ubuntu 23.10+). */
  apparmorRestrictUnprivilegedUserns?: string;
  /** /proc/sys/kernel/unprivileged_userns_clone (Debian's patch; 0 by default before Debian 11). */
  unprivilegedUsernsClone?: string;
  /** /proc/sys/user/max_user_namespaces (0 forbids user namespaces to everyone, root included). */
  maxUserNamespaces?: string;
}

/** The captured input of {@link classifyPrivilege}. */
export interface PrivilegeFacts {
  /** Effective uid. */
  uid: number;
  /** `sudo -n true` (non-root only). */
  sudo?: CommandOutcome;
  /** `unshare --user --map-root-user true` as the caller. */
  userns?: CommandOutcome;
  sysctls: UsernsSysctls;
  /** CapEff from /proc/self/status (hex), to tell a root without CAP_SYS_ADMIN (an unprivileged container). */
  capEff?: string;
  /** How a learner's nsbook became root (NSBOOK_ROOT_VIA, set by the course's root helper or the CLI's sudo). */
  rootVia?: "course-rule" | "sudo";
  /** The learner behind sudo (SUDO_USER), when there is one. */
  sudoUser?: string;
}

/** One sysctl that restricts user namespaces, and what to do about it. */
export interface UsernsRestriction {
  /** Stable id: "userns.apparmor" | "userns.clone" | "userns.max". */
  id: "userns.apparmor" | "userns.clone" | "userns.max";
  /** sysctl name, e.g. "kernel.apparmor_restrict_unprivileged_userns". */
  sysctl: string;
  /** Its file under /proc/sys. */
  file: string;
  /** The value read; undefined when the kernel has no such sysctl. */
  value?: string;
  /** True when the setting blocks unprivileged user namespaces (or all of them, for max_user_namespaces). */
  active: boolean;
  /** What the value means here. */
  detail: string;
  /** The exact fix when active. */
  fix?: string;
}

/** What privilege detection concluded. */
export interface PrivilegeReport {
  mode: PrivilegeMode;
  uid: number;
  /** Passwordless sudo works (non-root). */
  sudoWorks: boolean;
  /** The caller can create a user namespace with its uid mapped to root. */
  usernsWorks: boolean;
  /** CAP_SYS_ADMIN in the effective set; false for root means a container without privileges. Undefined when unknown. */
  hasSysAdmin?: boolean;
  restrictions: UsernsRestriction[];
  /** One sentence on the mode, e.g. "rootless: unprivileged user namespaces work (uid 1001)". */
  detail: string;
  /** How to get a better mode, when there is one worth suggesting. */
  fix?: string;
  /** How a learner's nsbook became root, and who the learner is (see {@link PrivilegeFacts}). */
  rootVia?: "course-rule" | "sudo";
  sudoUser?: string;
}
