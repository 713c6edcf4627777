// What `nsbook ps` shows: every container under the run directory, with its live status.
import type { ContainerSpec } from "./container-spec.js";
import { type ContainerStatus, containerStatus } from "./container-status.js";
import { recordObservedExit } from "./observe-exit.js";
import type { ContainerPrivilege } from "./privilege-mode.js";
import type { ContainerKind, ContainerState } from "./state/container-state.js";
import { listContainerNames, readStoredState } from "./state/state-store.js";

/** One line of `nsbook ps`. */
export interface ContainerInfo {
  name: string;
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
  return {
    name: state.name,
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

/** Every container under the run directory, sorted by name, its status checked against /proc. */
export async function listContainers(): Promise<ContainerInfo[]> {
  const names = await listContainerNames();
  const infos = await Promise.all(
    names.map(async (name): Promise<ContainerInfo | undefined> => {
      const stored = await readStoredState(name);
      if (!stored) return undefined; // removed meanwhile
      if (stored.state) return describeContainer(stored.state);
      return { name, status: "dead", namespaces: [], command: [], problem: stored.problem };
    }),
  );
  return infos.filter((i): i is ContainerInfo => i !== undefined);
}
