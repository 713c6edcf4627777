// `nsbook stop --all`: every container of ours stopped and removed, whatever state a crash left it in.

import { resolve } from "node:path";
import {
  type RemoveStaleCgroupsOptions,
  removeStaleCgroups,
} from "../cgroups/container/remove-stale-cgroups.js";
import { cgroupDirName, scopeCgroupPrefix } from "../cgroups/manager/cgroup-name.js";
import { currentScope, listScopes, runDir, scopeText, visibleScopes, withScope } from "../core/paths.js";
import { listContainerNames, readStoredState, removeUnfinishedRemovals } from "../core/state.js";
import { waitUntilGone } from "../inspect/process-identity.js";
import { removeIdleLockFiles } from "../network/file-lock.js";
import { privilegeForCleanup } from "../privilege/index.js";
import type { ContainerSpec } from "./container-spec.js";
import { findMarkedProcesses } from "./process/marker-scan.js";
import { signalProcesses } from "./process/signal-processes.js";
import { removeScopeIfEmpty } from "./scopes.js";
import { stopContainer } from "./stop-container.js";

/** Options for {@link stopAllContainers}. */
export interface StopAllOptions {
  /** Time between SIGTERM and SIGKILL for each container, in ms. @default 2000 */
  timeoutMs?: number;
  /**
   * Which leftover cgroups to sweep afterwards (see removeStaleCgroups: name prefix, minimum age), or false to
   * sweep none. @default {} (every "nsbook-*" cgroup below this process's cgroups without processes, older than 5 s)
   */
  staleCgroups?: RemoveStaleCgroupsOptions | false;
  /**
   * Only the containers whose state names this owner (NSBOOK_OWNER when they were created, e.g. a Jupyter
   * kernel's "kernel-<id>-<pid>"). Unowned leftovers - stray processes, unrecorded cgroups - are then left to a
   * plain `stop --all`, since nothing says whose they are. @default every container
   */
  owner?: string;
}

/** The containers `owner` created (their state says so), or every container when no owner is given. */
async function containersOf(owner: string | undefined): Promise<string[]> {
  const names = await listContainerNames();
  if (owner === undefined) return names;
  const owned = await Promise.all(
    names.map(async (name) =>
      (await readStoredState<ContainerSpec>(name))?.state?.owner === owner ? name : undefined,
    ),
  );
  return owned.filter((n): n is string => n !== undefined);
}

/** The cgroup names of every container the run directory and all scopes record (what a sweep must keep). */
async function recordedCgroupNames(): Promise<string[]> {
  const names = (await listContainerNames()).map((n) => cgroupDirName(n));
  if (currentScope()) return names;
  for (const scope of await listScopes()) {
    names.push(...(await withScope(scope, async () => (await listContainerNames()).map(cgroupDirName))));
  }
  return names;
}

/**
 * How many containers `stop --all` stops at once. All at once ran out of file descriptors with a few hundred
 * containers (EMFILE: every stop reads /proc and state files) and made every stop of a bridge's containers queue
 * on its lease lock past its 10 s wait (the soak saw both with ~170 containers): their cleanup failed and things
 * were left behind.
 */
export const STOP_ALL_AT_ONCE = 8;

/** Runs `work` on every item, at most `limit` at a time. */
async function forEachAtMost<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** What `stop --all` did, and what it could not undo. */
export interface StopAllReport {
  /** Containers stopped and removed. */
  removed: string[];
  /** Those that were still running. */
  wereRunning: string[];
  /** PIDs of marked processes that belonged to no container folder (a launch that crashed before its state). */
  strays: number[];
  /** nsbook cgroups that no container recorded and no process used any more, removed (directories). */
  cgroupsRemoved: string[];
  /** nsbook cgroups kept because processes still run in them (a bare `createContainerCgroups` of a live kernel). */
  cgroupsBusy: { name: string; pids: number[] }[];
  /** What could not be cleaned up, one line each (empty when everything is gone). */
  problems: string[];
}

/**
 * Stops and removes every container under the run directory of the current scope ({@link STOP_ALL_AT_ONCE} at a time), then kills any process that still
 * carries the marker of a container folder under it, then removes every nsbook cgroup below this process's
 * cgroups that no process uses (see removeStaleCgroups). Afterwards no process, mount, namespace, resource,
 * cgroup or state file of those containers remains, unless `problems` says otherwise.
 */
export async function stopAllContainers(options: StopAllOptions = {}): Promise<StopAllReport> {
  const report = emptyReport();
  const names = await containersOf(options.owner);
  await forEachAtMost(names, STOP_ALL_AT_ONCE, async (name) => {
    try {
      const outcome = await stopContainer(name, { remove: true, timeoutMs: options.timeoutMs ?? 2000 });
      if (outcome.removed) report.removed.push(name);
      if (outcome.wasRunning) report.wereRunning.push(name);
    } catch (e) {
      report.problems.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  if (options.owner !== undefined) {
    report.removed.sort();
    report.wereRunning.sort();
    return report;
  }
  // Folders of removals killed halfway (renamed aside, not yet deleted).
  await removeUnfinishedRemovals().catch((e) =>
    report.problems.push(`unfinished removals: ${e instanceof Error ? e.message : String(e)}`),
  );
  const strays = await findMarkedProcesses(resolve(runDir()));
  if (strays.length > 0) {
    report.strays = strays.map((s) => s.pid);
    await signalProcesses(report.strays, "SIGKILL", await privilegeForCleanup());
    const left = await waitUntilGone(strays, 5000);
    if (left.length > 0)
      report.problems.push(`processes ${left.map((p) => p.pid).join(", ")} survived SIGKILL`);
  }
  // Lock files of launchers killed while they held them (the kernel released the locks; the files stay).
  await removeIdleLockFiles(resolve(runDir())).catch((e) =>
    report.problems.push(`lock files: ${e instanceof Error ? e.message : String(e)}`),
  );
  // Last, the cgroups no state recorded: left by a process killed between creating them and recording its
  // container, or made by createContainerCgroups() in a kernel that is gone. Those still in use are kept.
  try {
    const stale =
      options.staleCgroups === false
        ? { removed: [], busy: [] }
        : await removeStaleCgroups({
            // A learner's scope sweeps its own cgroups only; unscoped root sweeps every nsbook cgroup.
            prefix: scopeCgroupPrefix(),
            ...options.staleCgroups,
            // Containers that could not be removed keep their cgroups (their state still records them), and
            // so do the containers of every other scope.
            keep: [...(options.staleCgroups?.keep ?? []), ...(await recordedCgroupNames())],
          });
    report.cgroupsRemoved = stale.removed;
    report.cgroupsBusy = stale.busy.map((b) => ({ name: b.name, pids: b.pids }));
  } catch (e) {
    report.problems.push(`leftover cgroups: ${e instanceof Error ? e.message : String(e)}`);
  }
  report.removed.sort();
  report.wereRunning.sort();
  return report;
}

function emptyReport(): StopAllReport {
  return { removed: [], wereRunning: [], strays: [], cgroupsRemoved: [], cgroupsBusy: [], problems: [] };
}

/**
 * {@link stopAllContainers} in every scope this process may see (a kernel's reaper: its own; a learner: theirs;
 * root: everyone's), as one report whose containers are named LEARNER/SESSION/NAME; the folders of learner scopes
 * left empty are removed, with their networks.
 */
export async function stopAllInVisibleScopes(options: StopAllOptions = {}): Promise<StopAllReport> {
  const total = emptyReport();
  for (const scope of await visibleScopes()) {
    const prefix = scope ? `${scopeText(scope)}/` : "";
    const report = await withScope(scope, () => stopAllContainers(options));
    total.removed.push(...report.removed.map((n) => prefix + n));
    total.wereRunning.push(...report.wereRunning.map((n) => prefix + n));
    total.strays.push(...report.strays);
    total.cgroupsRemoved.push(...report.cgroupsRemoved);
    total.cgroupsBusy.push(...report.cgroupsBusy);
    total.problems.push(...report.problems.map((p) => prefix + p));
    if (scope) await removeScopeIfEmpty(scope);
  }
  return total;
}
