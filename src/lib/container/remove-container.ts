// Removing a container: its state, log and resources. Idempotent.

import { readStoredState } from "../core/state.js";
import { ContainerError } from "../errors/container-error.js";
import type { ContainerSpec } from "./container-spec.js";
import { containerStatus } from "./container-status.js";
import { type StopOutcome, stopContainer } from "./stop-container.js";

/** Options for {@link removeContainer}. */
export interface RemoveOptions {
  /** Stop it first when it still runs (otherwise a running container is refused). @default false */
  force?: boolean;
  /** With `force`: time between SIGTERM and SIGKILL, in ms. @default 5000 */
  timeoutMs?: number;
}

/**
 * Removes container `name`: disposes of its resources in reverse order and deletes its state and log. Removing a
 * container that does not exist does nothing (`existed: false`); a running one needs `force`.
 */
export async function removeContainer(name: string, options: RemoveOptions = {}): Promise<StopOutcome> {
  const stored = await readStoredState<ContainerSpec>(name);
  if (!stored) return { name, existed: false, wasRunning: false, escalated: false, removed: false };
  if (!options.force && stored.state) {
    const status = await containerStatus(stored.state);
    if (status === "running" || status === "creating") {
      throw new ContainerError(
        "invalid-option",
        `container "${name}" is ${status}: stop it first (\`nsbook stop ${name}\`), or remove it with force: true`,
        { container: name },
      );
    }
  }
  return stopContainer(name, { remove: true, timeoutMs: options.timeoutMs });
}
