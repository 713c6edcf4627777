// Which mounts are cgroup hierarchies, and the overall layout they make.
import type { MountInfoEntry } from "../../proc/index.js";
import type { CgroupLayout } from "../types.js";
import { V1_CONTROLLERS } from "./controller-map.js";

/** Where cgroup hierarchies are conventionally mounted. */
export const CGROUP_ROOT = "/sys/fs/cgroup";

const underCgroupRoot = (m: MountInfoEntry): boolean =>
  m.mountPoint === CGROUP_ROOT || m.mountPoint.startsWith(`${CGROUP_ROOT}/`);

/** The v1 controllers a cgroup (v1) mount carries, from its super options ("rw,cpu,cpuacct" -> cpu, cpuacct). */
export function v1ControllersOf(mount: MountInfoEntry): string[] {
  return mount.superOptions.filter((o) => V1_CONTROLLERS.has(o));
}

/** True when the mount (not only the filesystem) is read-only. */
export function isReadOnlyMount(mount: MountInfoEntry): boolean {
  return mount.mountOptions.includes("ro") || mount.superOptions.includes("ro");
}

/** The cgroup mounts in a mount table: v1 ones, and the one v2 mount detection uses. */
export interface CgroupMounts {
  /** v1 (fs type "cgroup") mounts, those under /sys/fs/cgroup first; one per hierarchy. */
  v1: MountInfoEntry[];
  /** The v2 mount: /sys/fs/cgroup, else /sys/fs/cgroup/unified, else the first cgroup2 mount. */
  v2?: MountInfoEntry;
}

// A hierarchy may be mounted twice (bind mounts, containers); keep the first, preferring /sys/fs/cgroup.
function firstPerHierarchy(mounts: MountInfoEntry[]): MountInfoEntry[] {
  const seen = new Set<string>();
  const ordered = [...mounts.filter(underCgroupRoot), ...mounts.filter((m) => !underCgroupRoot(m))];
  return ordered.filter((m) => {
    const key = m.device;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Picks the cgroup hierarchies out of a parsed mount table. */
export function findCgroupMounts(mounts: readonly MountInfoEntry[]): CgroupMounts {
  const v1 = firstPerHierarchy(mounts.filter((m) => m.fsType === "cgroup"));
  const v2All = mounts.filter((m) => m.fsType === "cgroup2");
  const v2 =
    v2All.find((m) => m.mountPoint === CGROUP_ROOT) ??
    v2All.find((m) => m.mountPoint === `${CGROUP_ROOT}/unified`) ??
    v2All.find(underCgroupRoot) ??
    v2All[0];
  return { v1, ...(v2 ? { v2 } : {}) };
}

/**
 * The layout: cgroup2 on /sys/fs/cgroup is pure v2; v1 hierarchies with a cgroup2 mount beside them (usually
 * /sys/fs/cgroup/unified) are hybrid; v1 alone is v1. Decided from the mount table, not from /proc/self/cgroup:
 * its "0::" line is there on hybrid hosts too.
 */
export function decideLayout(found: CgroupMounts): CgroupLayout {
  if (found.v2?.mountPoint === CGROUP_ROOT) return "v2";
  if (found.v1.length > 0) return found.v2 ? "hybrid" : "v1";
  return found.v2 ? "v2" : "none";
}
