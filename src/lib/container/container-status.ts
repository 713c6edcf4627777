// Whether a container runs, judged from /proc (not from what its state file last said); and how a detached
// container ended when no launcher was there to see it: `nsbook run -d` returns at once, so nobody waits for its
// unshare. Its cgroups outlive it until `stop`, and their counters still say whether the OOM killer ended it; the
// first look (ps, logs, exec) writes that down.

import { readStoredState, updateState } from "../core/state.js";
import { isRunning } from "../inspect/process-identity.js";
import type { ContainerSpec, ContainerState } from "./container-spec.js";
import { inspectExit, NSBOOK_EXTENSIONS } from "./extensions.js";

/**
 * - "creating": its launcher is still setting it up;
 * - "running": its init runs;
 * - "exited": its init has ended (the main command finished, or it was stopped); state and log remain;
 * - "dead": its launcher died before the container was up (a crash mid-start): only cleanup is left.
 */
export type ContainerStatus = "creating" | "running" | "exited" | "dead";

/** The status of the container described by `state`, checked against the live processes. */
export async function containerStatus(state: ContainerState): Promise<ContainerStatus> {
  if (state.init) return (await isRunning(state.init)) ? "running" : "exited";
  if (state.phase === "creating") return (await isRunning(state.launcher)) ? "creating" : "dead";
  if (state.kind === "one-shot" && state.phase === "running") {
    return (await isRunning(state.launcher)) ? "running" : "dead";
  }
  return "exited";
}

/**
 * Returns `state` with its `exit` completed from its cgroups when its init has ended, no description was
 * recorded yet and the OOM killer ended it (the state file is updated too). Without the launcher, unshare's
 * exit code is lost: only an OOM kill is known for sure (exit 137), so nothing else is written.
 */
export async function recordObservedExit(given: ContainerState): Promise<ContainerState> {
  if (given.exit?.message !== undefined || !given.init || given.resources.length === 0) return given;
  if (await isRunning(given.init)) return given;
  // The launcher may have written it meanwhile (`given` can be a copy held since the start).
  const stored = (await readStoredState<ContainerSpec>(given.name).catch(() => undefined))?.state;
  const state = stored?.createdAt === given.createdAt ? stored : given;
  if (state.exit?.message !== undefined) return state;
  const report = await inspectExit(NSBOOK_EXTENSIONS, state, state.exit ?? {});
  if (!report?.oomKilled) return state;
  const exit = {
    ...state.exit,
    code: report.exitCode,
    oomKilled: true,
    message: report.message,
    at: state.exit?.at ?? new Date().toISOString(),
  };
  const { createdAt } = state;
  await updateState<ContainerSpec>(state.name, (s) => {
    if (s.createdAt === createdAt && s.exit?.message === undefined) s.exit = exit;
  });
  return { ...state, exit };
}
