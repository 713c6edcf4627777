// The steps every way of creating a container shares: decide the spec, claim the name, write the state
// first, then let the extensions create (and record) the overlay directories and the cgroups.

import { lstat } from "node:fs/promises";
import { join } from "node:path";
import { recordResource } from "../core/resource-registry.js";
import {
  type ContainerKind,
  claimContainerDir,
  containerDir,
  logFilePath,
  type ProcessIdentity,
  readStoredState,
  writeState,
} from "../core/state.js";
import { ContainerError } from "../errors/container-error.js";
import { identifyProcess } from "../inspect/process-identity.js";
import { planOverlay } from "../overlay/overlay-spec.js";
import { type ContainerPrivilege, type PrivilegeMode, resolvePrivilege } from "../privilege/index.js";
import { resolveRootfs } from "../rootfs/resolve-rootfs.js";
import { applyPrivilege } from "./apply-privilege.js";
import {
  type ContainerOptions,
  type ContainerSpec,
  type ContainerState,
  normalizeSpec,
} from "./container-spec.js";
import { containerStatus } from "./container-status.js";
import { type Extensions, NSBOOK_EXTENSIONS } from "./extensions.js";
import { stopContainer } from "./stop-container.js";

/** Options every way of creating a container accepts. */
export interface CreateOptions extends ContainerOptions {
  /** How to get privileges; see {@link resolvePrivilege}. @default detected (root as uid 0, else passwordless sudo or rootless) */
  privilege?: PrivilegeMode;
  /**
   * What builds the container's cgroups, network and overlay directories, and reads its end (see
   * container/extensions.ts). Tests replace one to make it fail at a chosen moment. @default NSBOOK_EXTENSIONS
   */
  extensions?: Extensions;
}

/** The decided spec and mode, and the extensions that will build it, before anything exists. */
export interface ContainerPlan {
  spec: ContainerSpec;
  mode: ContainerPrivilege;
  extensions: Extensions;
}

/** Resolves the rootfs, applies defaults and the privilege mode, and refuses what cannot work: no side effects. */
export async function planContainer(
  options: CreateOptions,
  defaultCommand: readonly string[],
): Promise<ContainerPlan> {
  const mode = await resolvePrivilege(options.privilege);
  const dir = await resolveRootfs(options.rootfs);
  const hasDevices = await lstat(join(dir, "dev/null")).then(
    (s) => s.isCharacterDevice(),
    () => false,
  );
  const spec = applyPrivilege(normalizeSpec(options, { dir, hasDevices }, defaultCommand), mode);
  const overlay = await planOverlay(options.overlay, {
    container: spec.name,
    rootfs: spec.rootfs,
    namespaces: spec.namespaces,
  });
  if (overlay) spec.overlay = overlay;
  return { spec, mode, extensions: options.extensions ?? NSBOOK_EXTENSIONS };
}

/** This process, as the launcher of the containers it creates (its identity never changes). */
let launcherIdentity: ProcessIdentity | undefined;

/**
 * Claims the name (a folder under runDir) and writes the first state, before any process or resource exists.
 * A name held by a container that is no longer running is cleaned up and reused; a running one is refused.
 */
export async function claimContainer(plan: ContainerPlan, kind: ContainerKind): Promise<ContainerState> {
  const { spec, mode } = plan;
  if (kind === "one-shot" && spec.network === "bridge") {
    throw new ContainerError(
      "invalid-option",
      `container "${spec.name}": network "bridge" needs a detached container (its network is set up once its namespace exists): use startContainer, then exec`,
      { container: spec.name },
    );
  }
  for (let attempt = 0; ; attempt++) {
    if (await claimContainerDir(spec.name)) break;
    const stored = await readStoredState<ContainerSpec>(spec.name);
    const status = stored?.state ? await containerStatus(stored.state) : "dead";
    if (attempt > 2 || status === "running" || status === "creating") {
      throw new ContainerError(
        "name-in-use",
        `a container named "${spec.name}" is ${status === "creating" ? "being created" : "running"}: choose another name, or stop it with \`nsbook stop ${spec.name}\``,
        { container: spec.name },
      );
    }
    await stopContainer(spec.name, { remove: true, timeoutMs: 0 });
  }
  launcherIdentity ??= await identifyProcess(process.pid);
  const launcher = launcherIdentity;
  const state: ContainerState = {
    version: 1,
    name: spec.name,
    kind,
    privilege: mode,
    spec,
    createdAt: new Date().toISOString(),
    phase: kind === "one-shot" ? "running" : "creating",
    launcher: launcher ?? { pid: process.pid, startTime: 0 },
    ...(process.env.NSBOOK_OWNER ? { owner: process.env.NSBOOK_OWNER } : {}),
    logPath: logFilePath(spec.name),
    cgroupProcsFiles: [],
    resources: [],
  };
  try {
    await writeState(state);
  } catch (e) {
    await stopContainer(spec.name, { remove: true, timeoutMs: 0 }).catch(() => undefined);
    throw e;
  }
  return state;
}

/**
 * Creates what the container owns before its first process: the overlay's directories, then (when the spec has
 * resources) its cgroups. Each extension records a resource before creating it.
 */
export async function createResources(state: ContainerState, extensions: Extensions): Promise<void> {
  // The overlay itself is mounted inside the container, in its own mount namespace.
  await extensions.overlayDirs(state);
  if (state.spec.resources === undefined) return;
  const result = await extensions.resources({
    container: state.name,
    resources: state.spec.resources,
    mode: state.privilege,
    record: (r) => recordResource(state.name, r),
  });
  // The extension's records went to the file: re-read them, then add the cgroup.procs files to join.
  const stored = await readStoredState<ContainerSpec>(state.name);
  state.resources = stored?.state?.resources ?? state.resources;
  state.cgroupProcsFiles = [...result.cgroupProcsFiles];
  await writeState(state);
}

/**
 * Connects the container's network (when the spec asks for one) with the init's PID, whose network namespace is
 * the container's; the extension records each resource before creating it, and the records are read back.
 */
export async function createNetwork(
  state: ContainerState,
  initPid: number,
  extensions: Extensions,
): Promise<void> {
  if (state.spec.network !== "bridge") return;
  try {
    await extensions.network({
      container: state.name,
      createdAt: state.createdAt,
      network: state.spec.network,
      ...(state.spec.bridge ? { bridge: state.spec.bridge } : {}),
      pid: initPid,
      mode: state.privilege,
      record: (r) => recordResource(state.name, r),
    });
  } finally {
    const stored = await readStoredState<ContainerSpec>(state.name);
    state.resources = stored?.state?.resources ?? state.resources;
  }
}

/** The container's state directory (the marker its processes carry). */
export function stateDirOf(name: string): string {
  return containerDir(name);
}
