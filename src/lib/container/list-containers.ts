// What `nsbook ps` shows: every container under the run directory, with its live status.
import { currentScope, visibleScopes, withScope } from "../core/paths.js";
import { type ContainerKind, listContainerNames, readStoredState } from "../core/state.js";
import type { ContainerPrivilege } from "../privilege/index.js";
import type { ContainerSpec, ContainerState } from "./container-spec.js";
import { type ContainerStatus, containerStatus, recordObservedExit } from "./container-status.js";

/** One line of `nsbook ps`. */
export interface ContainerInfo {
  name: string;
  /** The learner whose scope holds it (see ContainerScope); absent in the unscoped run directory. */
  learner?: string;
  /** The learner's session that holds it: "terminal" or a kernel ("kernel-3f9a1c2d-1234"). */
  session?: string;
  /** NSBOOK_OWNER of the process that created it (a kernel's "kernel-<id8>-<pid>"), when one was set. */
  owner?: string;
  /** Live status, or "dead" for a folder without usable state (a crashed launch). */
  status: ContainerStatus;
  kind?: ContainerKind;
  privilege?: ContainerPrivilege;
  /** Host PID of the init (PID 1 inside), while it runs. */
  pid?: number;
  namespaces: ContainerSpec["namespaces"];
  hostname?: string;
  rootfs?: string;
  command: string[];
  /** ISO time it was created. */
  createdAt?: string;
  /** The main command's exit code, when its launcher saw it end (137 after an OOM kill). */
  exitCode?: number;
  /** True when the OOM killer ended it (read from its memory cgroup). */
  oomKilled?: boolean;
  /** How it ended in words, from its cgroups, e.g. "killed: out of memory (limit 32 MiB, peak 32 MiB)". */
  exitMessage?: string;
  /** Why the state is unusable, for "dead" folders. */
  problem?: string;
}

/** Summarizes one state for listing. */
export async function describeContainer(given: ContainerState): Promise<ContainerInfo> {
  const status = await containerStatus(given);
  const state = status === "exited" ? await recordObservedExit(given) : given;
  const scope = currentScope();
  return {
    name: state.name,
    ...(scope ? { learner: scope.learner, session: scope.session } : {}),
    ...(state.owner === undefined ? {} : { owner: state.owner }),
    status,
    kind: state.kind,
    privilege: state.privilege,
    ...(status === "running" && state.init ? { pid: state.init.pid } : {}),
    namespaces: state.spec.namespaces,
    ...(state.spec.hostname === undefined ? {} : { hostname: state.spec.hostname }),
    rootfs: state.spec.rootfs,
    command: state.spec.command,
    createdAt: state.createdAt,
    ...(state.exit?.code === undefined ? {} : { exitCode: state.exit.code }),
    ...(state.exit?.oomKilled === undefined ? {} : { oomKilled: state.exit.oomKilled }),
    ...(state.exit?.message === undefined ? {} : { exitMessage: state.exit.message }),
  };
}

/**
 * Every container under the current scope's run directory, sorted by name, its status checked against /proc.
 * {@link listVisibleContainers} lists every scope this process may see.
 */
export async function listContainers(): Promise<ContainerInfo[]> {
  const scope = currentScope();
  const where = scope ? { learner: scope.learner, session: scope.session } : {};
  const names = await listContainerNames();
  const infos = await Promise.all(
    names.map(async (name): Promise<ContainerInfo | undefined> => {
      const stored = await readStoredState<ContainerSpec>(name);
      if (!stored) return undefined; // removed meanwhile
      if (stored.state) return describeContainer(stored.state);
      return { name, ...where, status: "dead", namespaces: [], command: [], problem: stored.problem };
    }),
  );
  return infos.filter((i): i is ContainerInfo => i !== undefined);
}

/**
 * The containers of every scope this process may see (see visibleScopes): a kernel's own, a learner's at a
 * terminal, everyone's for root - the unscoped ones first, then by learner and session.
 */
export async function listVisibleContainers(): Promise<ContainerInfo[]> {
  const lists: ContainerInfo[][] = [];
  for (const scope of await visibleScopes()) lists.push(await withScope(scope, listContainers));
  return lists.flat();
}
