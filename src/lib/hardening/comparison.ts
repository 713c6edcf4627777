// nsbook's container, default and hardened, next to what `docker run` (runc) sets up by default: data for a table.
import {
  DOCKER_DEFAULT_CAPABILITIES,
  keptCapabilities,
  LINUX_CAPABILITIES,
  normalizeCapDrop,
} from "./capabilities.js";
import { RUNC_MASKED_PATHS, RUNC_READONLY_PATHS } from "./runc-paths.js";

/** One row of the comparison. */
export interface ComparisonRow {
  aspect: string;
  nsbookDefault: string;
  nsbookHardened: string;
  docker: string;
}

/** The hardened container the comparison describes (what the caller used). */
export interface ComparisonOptions {
  /** Capabilities the hardened container drops. @default ["ALL"] */
  capDrop?: readonly string[];
  /** Its pids limit, if any. @default none */
  pids?: number;
  /** Masked paths on. @default true */
  maskPaths?: boolean;
  /** Read-only paths on. @default true */
  readonlyPaths?: boolean;
  /** no_new_privs on. @default false */
  noNewPrivs?: boolean;
}

function capsText(kept: readonly string[]): string {
  if (kept.length === LINUX_CAPABILITIES.length) return `all of root's (up to ${kept.length})`;
  if (kept.length === 0) return "none";
  if (kept.length > 20) return `${kept.length} of ${LINUX_CAPABILITIES.length}`;
  return `${kept.length}: ${kept.join(", ")}`;
}

/**
 * The rows of the comparison: namespaces, root switch, capabilities kept, masked and read-only paths, pids limit,
 * seccomp, no_new_privs, /sys and LSM. The Docker column is Docker's defaults as handed to runc on a cgroup v2
 * host (`runc spec` alone writes a stricter example: three capabilities and no_new_privs on).
 */
export function hardeningComparison(options: ComparisonOptions = {}): ComparisonRow[] {
  const drop = normalizeCapDrop(options.capDrop ?? ["ALL"]);
  const mask = options.maskPaths ?? true;
  const ro = options.readonlyPaths ?? true;
  const nnp = options.noNewPrivs ?? false;
  const ns = "pid, mount, uts, ipc, net";
  return [
    { aspect: "namespaces", nsbookDefault: ns, nsbookHardened: ns, docker: `${ns} (+ cgroup on cgroup v2)` },
    {
      aspect: "root switch",
      nsbookDefault: "chroot (escapable by root)",
      nsbookHardened: "pivot_root, old root detached",
      docker: "pivot_root, old root detached",
    },
    {
      aspect: "capabilities kept by root",
      nsbookDefault: capsText(LINUX_CAPABILITIES),
      nsbookHardened: capsText(keptCapabilities(drop)),
      docker: capsText(DOCKER_DEFAULT_CAPABILITIES),
    },
    {
      aspect: "masked paths",
      nsbookDefault: "none",
      nsbookHardened: mask ? `${RUNC_MASKED_PATHS.length} (runc's list)` : "none",
      docker: `${RUNC_MASKED_PATHS.length} (${RUNC_MASKED_PATHS.slice(2, 4).join(", ")}, ...)`,
    },
    {
      aspect: "read-only paths",
      nsbookDefault: "none (root can write /proc/sys)",
      nsbookHardened: ro ? RUNC_READONLY_PATHS.join(", ") : "none",
      docker: RUNC_READONLY_PATHS.join(", "),
    },
    {
      aspect: "pids limit",
      nsbookDefault: "none (unless --pids)",
      nsbookHardened: options.pids === undefined ? "none" : `${options.pids}`,
      docker: "none (unless --pids-limit)",
    },
    {
      aspect: "seccomp",
      nsbookDefault: "none: nsbook has no seccomp filter",
      nsbookHardened: "none: nsbook has no seccomp filter",
      docker: "default profile (refuses e.g. kexec_load, reboot, open_by_handle_at)",
    },
    {
      aspect: "no_new_privs",
      nsbookDefault: "off",
      nsbookHardened: nnp ? "on" : "off",
      docker: "off (--security-opt no-new-privileges turns it on)",
    },
    {
      aspect: "/sys",
      nsbookDefault: "not mounted",
      nsbookHardened: "not mounted",
      docker: "sysfs, read-only",
    },
    {
      aspect: "LSM",
      nsbookDefault: "none",
      nsbookHardened: "none",
      docker: "AppArmor docker-default or SELinux, where the host has one",
    },
  ];
}
