// Stopping a container: SIGTERM to its main process, SIGKILL after a timeout, every process of it gone;
// optionally its resources and state removed too.

import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { disposeResources } from "../core/resource-registry.js";
import {
  containerDir,
  type ProcessIdentity,
  readStoredState,
  removeContainerDir,
  updateState,
  writeState,
} from "../core/state.js";
import { ContainerError } from "../errors/container-error.js";
import { isRunning, waitUntilGone } from "../inspect/process-identity.js";
import { type ContainerPrivilege, privilegeForCleanup } from "../privilege/index.js";
import type { ContainerSpec, ContainerState } from "./container-spec.js";
import { NSBOOK_EXTENSIONS } from "./extensions.js";
import { findMarkedProcesses } from "./process/marker-scan.js";
import { settleOwnChild } from "./process/own-children.js";
import { childrenOf, descendantsOf } from "./process/process-tree.js";
import { signalProcesses } from "./process/signal-processes.js";

/** Options for {@link stopContainer}. */
export interface StopOptions {
  /** How long the main process has to exit after SIGTERM before everything is killed with SIGKILL, in ms. @default 5000 */
  timeoutMs?: number;
  /** Also dispose of the container's resources and delete its state and log. @default false */
  remove?: boolean;
}

/** What stopping did. */
export interface StopOutcome {
  name: string;
  /** False when there was no such container (stopping is then a no-op). */
  existed: boolean;
  /** True when its init was still running. */
  wasRunning: boolean;
  /** True when SIGTERM was not enough and SIGKILL was sent. */
  escalated: boolean;
  /** True when state and resources were removed. */
  removed: boolean;
}

/** How long unshare has to exit by itself once its init has ended, in ms. */
const MONITOR_GRACE_MS = 1000;

/** How long processes have after SIGKILL before nsbook reports them as unkillable, in ms. */
const KILL_WAIT_MS = 5000;

/**
 * Ends the init and everything it started. With a pid namespace, SIGKILL to PID 1 makes the kernel kill every
 * process of the namespace, so the init is enough. Without one, the container's processes are found as the
 * init's descendants in /proc (a process that double-forked away from the tree escapes this: use a pid
 * namespace when that matters).
 */
async function endInit(state: ContainerState, timeoutMs: number): Promise<boolean> {
  const init = state.init as ProcessIdentity;
  const mode = state.privilege;
  const pidNs = state.spec.namespaces.includes("pid");
  const tree = async () => (pidNs ? [init.pid] : [...(await descendantsOf(init.pid)), init.pid]);
  // PID 1 ignores SIGTERM (no handler): the main command gets it, and init exits when the command does.
  // The command is signalled again if it appears later: right after the start, init may not have forked it yet.
  const signalled = new Set<number>();
  const deadline = performance.now() + timeoutMs;
  for (let delay = 5; ; delay = Math.min(delay * 2, 50)) {
    const targets = (pidNs ? await childrenOf(init.pid) : await tree()).filter((p) => !signalled.has(p));
    await signalProcesses(targets, "SIGTERM", mode);
    for (const p of targets) signalled.add(p);
    if (!(await isRunning(init))) return false;
    if (performance.now() >= deadline) break;
    await sleep(Math.min(delay, Math.max(1, deadline - performance.now())));
  }
  await signalProcesses(await tree(), "SIGKILL", mode);
  return true;
}

/** Kills with SIGKILL every other process of the container (unshare, sudo, stray marked processes). */
async function killRest(
  name: string,
  state: ContainerState | undefined,
  mode: ContainerPrivilege,
): Promise<void> {
  const dir = containerDir(name);
  const known = [state?.monitor, state?.spawned, state?.init].filter(
    (p): p is ProcessIdentity => p !== undefined,
  );
  const running = (await Promise.all(known.map(async (p) => ((await isRunning(p)) ? p : undefined)))).filter(
    (p): p is ProcessIdentity => p !== undefined,
  );
  // A launch that completed recorded its unshare and init, and killing those ends every process of the container
  // (with a pid namespace the kernel does it; without, endInit killed the init's tree). Only an unfinished
  // launch may have processes nobody recorded: those are found by the marker in their command line.
  const complete = state?.monitor !== undefined && state.init !== undefined;
  const marked = complete
    ? []
    : (await findMarkedProcesses(dirname(dir), dir)).map((m) => ({ pid: m.pid, startTime: m.startTime }));
  const all = [...running, ...marked.filter((m) => !running.some((r) => r.pid === m.pid))];
  if (all.length === 0) return;
  await signalProcesses(
    all.map((p) => p.pid),
    "SIGKILL",
    mode,
  );
  const left = await waitUntilGone(all, KILL_WAIT_MS);
  if (left.length > 0) {
    throw new ContainerError(
      "stop-failed",
      `container "${name}": processes ${left.map((p) => p.pid).join(", ")} survived SIGKILL for ${KILL_WAIT_MS} ms (stuck in the kernel, state D?); try again later`,
      { container: name },
    );
  }
}

/**
 * Stops container `name`: SIGTERM to its main process, SIGKILL to all of it after `timeoutMs`, then kills any
 * leftover process of it (unshare, a half-started launch). With `remove`, also disposes of its resources in
 * reverse order and deletes its state. Stopping a container that does not exist is a no-op (`existed: false`).
 */
export async function stopContainer(name: string, options: StopOptions = {}): Promise<StopOutcome> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const stored = await readStoredState<ContainerSpec>(name);
  if (!stored) return { name, existed: false, wasRunning: false, escalated: false, removed: false };
  const state = stored.state;
  const mode = state?.privilege ?? (await privilegeForCleanup());
  const wasRunning = state?.init ? await isRunning(state.init) : false;
  const escalated = wasRunning && state ? await endInit(state, timeoutMs) : false;
  if (wasRunning && state?.monitor) {
    // unshare exits by itself right after its init, with the init's status: let it, so the exit code is kept.
    await waitUntilGone([state.monitor], MONITOR_GRACE_MS);
  }
  await killRest(name, state, mode);
  await settleOwnChild(name, 1000);
  if (!options.remove) {
    if (state && state.phase !== "stopped") {
      await updateState<ContainerSpec>(name, (s) => {
        if (s.createdAt === state.createdAt) s.phase = "stopped"; // else a new container took the name meanwhile
      });
    }
    return { name, existed: true, wasRunning, escalated, removed: false };
  }
  if (state && state.resources.length > 0) {
    const outcome = await disposeResources(name, state.resources, mode, NSBOOK_EXTENSIONS.disposers);
    if (outcome.failed.length > 0) {
      // Keep what could not be removed on record, so a later `stop --all` tries again.
      state.resources = state.resources.filter((r) => outcome.failed.some((f) => f.record === r));
      state.phase = "stopped";
      await writeState(state);
      throw new ContainerError(
        "stop-failed",
        `container "${name}" stopped, but some of its resources could not be removed:\n${outcome.failed
          .map((f) => `  ${f.record.kind} ${f.record.id}: ${f.error}`)
          .join("\n")}`,
        { container: name },
      );
    }
  }
  // Only this container's folder: the name may have been taken by a new container while we stopped this one.
  await removeContainerDir(name, state?.createdAt);
  return { name, existed: true, wasRunning, escalated, removed: true };
}
