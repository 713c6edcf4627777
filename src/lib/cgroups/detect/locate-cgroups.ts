// Where the caller sits in each mounted hierarchy: the mount, its cgroup path, and its directory.
import { posix } from "node:path";
import {
  type MountInfoEntry,
  type ProcCgroupEntry,
  parseMountInfo,
  parseProcCgroup,
} from "../../proc/index.js";
import { LEAF_CGROUP_NAME } from "../manager/cgroup-name.js";
import type { CgroupLayout } from "../types.js";
import { cgroupDirOf, pathWithinMount } from "./caller-dir.js";
import { decideLayout, findCgroupMounts, v1ControllersOf } from "./cgroup-mounts.js";

/** One mounted hierarchy and the caller's place in it. */
export interface LocatedHierarchy {
  version: 1 | 2;
  mount: MountInfoEntry;
  /** v1: the controllers this hierarchy carries; v2: empty. */
  controllers: string[];
  /** The caller's cgroup in this hierarchy from /proc/self/cgroup, if it names one. */
  callerPath?: string;
  /** The caller's cgroup directory, when the mount reaches it. */
  dir?: string;
}

/** Every hierarchy, with the layout they make. */
export interface LocatedCgroups {
  layout: CgroupLayout;
  v1: LocatedHierarchy[];
  v2?: LocatedHierarchy;
}

function callerEntryFor(controllers: string[], mount: MountInfoEntry, entries: ProcCgroupEntry[]) {
  if (controllers.length > 0) return entries.find((e) => e.controllers.some((c) => controllers.includes(c)));
  const name = mount.superOptions.find((o) => o.startsWith("name="))?.slice(5);
  return name ? entries.find((e) => e.name === name) : undefined;
}

function locate(
  version: 1 | 2,
  mount: MountInfoEntry,
  controllers: string[],
  entry?: ProcCgroupEntry,
): LocatedHierarchy {
  if (!entry) return { version, mount, controllers };
  const inMount = pathWithinMount(entry.path, mount.root);
  const dir = inMount === undefined ? undefined : cgroupDirOf(mount.mountPoint, inMount);
  return { version, mount, controllers, callerPath: entry.path, ...(dir ? { dir } : {}) };
}

/** Locates the caller in every cgroup hierarchy from the text of /proc/self/mountinfo and /proc/self/cgroup. */
export function locateCgroups(mountinfo: string, procSelfCgroup: string): LocatedCgroups {
  const found = findCgroupMounts(parseMountInfo(mountinfo));
  const entries = parseProcCgroup(procSelfCgroup);
  const v1 = found.v1.map((m) => {
    const controllers = v1ControllersOf(m);
    return locate(1, m, controllers, callerEntryFor(controllers, m, entries));
  });
  const v2 = found.v2
    ? locate(
        2,
        found.v2,
        [],
        entries.find((e) => e.isV2),
      )
    : undefined;
  return { layout: decideLayout(found), v1, ...(v2 ? { v2 } : {}) };
}

/** The cgroupfs files and directories detection reads for a located host. */
export interface CgroupReadPlan {
  /** Files whose text detection uses (absent ones are fine). */
  files: string[];
  /** Directories (and, on v2, the cgroup.procs and cgroup.subtree_control files) whose writability detection uses. */
  dirs: string[];
}

/**
 * The v2 files detection reads: the top's controllers, the caller's cgroup and its parent's. Once nsbook has
 * moved the caller's processes into `<cgroup>/nsbook-leaf`, `caller` is `<cgroup>` (where nsbook creates its
 * cgroups, beside the leaf) and `leaf` is the leaf's directory.
 */
export function v2FilesOf(v2: LocatedHierarchy): {
  top: string;
  caller?: V2CgroupFiles;
  parent?: V2CgroupFiles;
  leaf?: string;
} {
  const top = posix.join(v2.mount.mountPoint, "cgroup.controllers");
  if (!v2.dir) return { top };
  const inLeaf = v2.dir !== v2.mount.mountPoint && posix.basename(v2.dir) === LEAF_CGROUP_NAME;
  const own = inLeaf ? posix.dirname(v2.dir) : v2.dir;
  const caller = v2CgroupFiles(own);
  const parent = own === v2.mount.mountPoint ? undefined : v2CgroupFiles(posix.dirname(own));
  return { top, caller, ...(parent ? { parent } : {}), ...(inLeaf ? { leaf: v2.dir } : {}) };
}

/** Paths of the core files of one v2 cgroup. */
export interface V2CgroupFiles {
  dir: string;
  controllers: string;
  subtreeControl: string;
  procs: string;
  /** Absent only in the root cgroup: how the root is told apart even through a cgroup namespace. */
  events: string;
}

function v2CgroupFiles(dir: string): V2CgroupFiles {
  return {
    dir,
    controllers: posix.join(dir, "cgroup.controllers"),
    subtreeControl: posix.join(dir, "cgroup.subtree_control"),
    procs: posix.join(dir, "cgroup.procs"),
    events: posix.join(dir, "cgroup.events"),
  };
}

/** What a reader must capture so that {@link detectCgroupsFromFacts} can decide. */
export function cgroupReadPlan(located: LocatedCgroups): CgroupReadPlan {
  const files: string[] = [];
  const dirs = located.v1.flatMap((h) => (h.dir && h.controllers.length > 0 ? [h.dir] : []));
  if (located.v2) {
    const v2 = v2FilesOf(located.v2);
    files.push(v2.top);
    for (const f of [v2.caller, v2.parent]) {
      if (f) files.push(f.controllers, f.subtreeControl, f.procs, f.events);
    }
    // Delegation on v2 is write access to the directory, its cgroup.procs and its cgroup.subtree_control.
    if (v2.caller) dirs.push(v2.caller.dir, v2.caller.procs, v2.caller.subtreeControl);
  }
  return { files: [...new Set(files)], dirs: [...new Set(dirs)] };
}
