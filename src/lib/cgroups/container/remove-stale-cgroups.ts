// Cleanup after a crash: remove every nsbook cgroup left below our parent directories whose processes are
// gone (a kernel restart, a killed CLI). Cgroups that still hold processes are reported, never touched.
import { readdirSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { detectCgroups } from "../detect/index.js";
import { removeCgroupDir } from "../fs/cgroup-dir.js";
import { cgroupPids } from "../fs/kill-procs.js";
import { CGROUP_PREFIX, LEAF_CGROUP_NAME } from "../manager/cgroup-name.js";
import { nsbookV2Parent } from "../manager/plan-cgroups.js";
import type { CgroupDetection } from "../types.js";

/** Options for {@link removeStaleCgroups}. */
export interface RemoveStaleCgroupsOptions {
  /** Only directories whose name starts with this. @default "nsbook-" */
  prefix?: string;
  /**
   * Leave cgroups younger than this alone, in milliseconds: another kernel may have just created them and be
   * about to start their container. @default 5000
   */
  minAgeMs?: number;
  /** cgroup detection (where our parent directories are). @default a fresh `detectCgroups()` */
  detection?: CgroupDetection;
  /** List what would be removed, remove nothing. @default false */
  dryRun?: boolean;
  /** Directory names never removed, e.g. "nsbook-web" of a container whose state still exists. @default [] */
  keep?: readonly string[];
}

/** What {@link removeStaleCgroups} found. */
export interface StaleCgroupsReport {
  /** Directories removed (or, with dryRun, that would be), children before parents. */
  removed: string[];
  /** Cgroups kept because a process is still in them (in any hierarchy), by name. */
  busy: { name: string; dirs: string[]; pids: number[] }[];
  /** Cgroups kept because they are younger than minAgeMs, by name. */
  young: string[];
}

function childDirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(dir, e.name));
  } catch {
    return [];
  }
}

/** PIDs in `dir` and every cgroup below it. */
function pidsBelow(dir: string): number[] {
  return [...cgroupPids(dir), ...childDirs(dir).flatMap(pidsBelow)];
}

/** Children first, so each rmdir finds its directory empty. */
function depthFirst(dir: string): string[] {
  return [...childDirs(dir).flatMap(depthFirst), dir];
}

function changedAtMs(dir: string): number {
  try {
    const s = statSync(dir);
    return Math.max(s.mtimeMs, s.ctimeMs);
  } catch {
    return 0;
  }
}

/** The directories nsbook creates cgroups in: the caller's cgroup in every hierarchy. */
function parentDirs(detection: CgroupDetection): string[] {
  const parents = new Set<string>();
  // resolve() drops trailing slashes, so "/sys/fs/cgroup" and "/sys/fs/cgroup/" count once.
  for (const p of detection.controllers)
    if (p.parentDir && p.version !== "none") parents.add(resolve(p.parentDir));
  if (detection.v2MountPoint && detection.v2CallerPath) {
    parents.add(nsbookV2Parent(resolve(detection.v2MountPoint, `.${detection.v2CallerPath}`)));
  }
  return [...parents];
}

/**
 * Removes every cgroup named `<prefix>*` directly below the caller's cgroup in each hierarchy (with the cgroups
 * below it) when no process is left in it in any hierarchy; never the v2 leaf nsbook-leaf. A container's cgroups in the different
 * hierarchies share one name and are judged together: one busy hierarchy keeps them all. Container engines
 * call it for `stop --all`; it is safe to call at any time.
 */
export async function removeStaleCgroups(
  options: RemoveStaleCgroupsOptions = {},
): Promise<StaleCgroupsReport> {
  const prefix = options.prefix ?? CGROUP_PREFIX;
  const minAgeMs = options.minAgeMs ?? 5000;
  const detection = options.detection ?? (await detectCgroups());
  const keep = new Set(options.keep ?? []);
  const byName = new Map<string, string[]>();
  for (const parent of parentDirs(detection)) {
    for (const dir of childDirs(parent)) {
      const name = basename(dir);
      // The leaf holds this session's own processes (nsbook moved them there): it is never stale.
      if (name === LEAF_CGROUP_NAME || keep.has(name) || !name.startsWith(prefix)) continue;
      byName.set(name, [...(byName.get(name) ?? []), dir]);
    }
  }
  const report: StaleCgroupsReport = { removed: [], busy: [], young: [] };
  const now = Date.now();
  for (const [name, dirs] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    const pids = [...new Set(dirs.flatMap(pidsBelow))];
    if (pids.length > 0) {
      report.busy.push({ name, dirs, pids });
      continue;
    }
    if (dirs.some((d) => now - changedAtMs(d) < minAgeMs)) {
      report.young.push(name);
      continue;
    }
    for (const d of dirs.flatMap(depthFirst)) {
      if (!options.dryRun) await removeCgroupDir(d, { timeoutMs: 1000 });
      report.removed.push(d);
    }
  }
  return report;
}
