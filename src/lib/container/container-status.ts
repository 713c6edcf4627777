// Whether a container runs, judged from /proc (not from what its state file last said).

import type { ContainerState } from "./container-spec.js";
import { isRunning } from "./process/process-identity.js";

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
