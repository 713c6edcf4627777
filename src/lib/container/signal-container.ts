// A signal for a container's command, as `docker kill --signal` sends one, and as `docker run` passes on the
// signals it receives itself.

import { runDir } from "../core/paths.js";
import { readStoredState } from "../core/state.js";
import { ContainerError } from "../errors/container-error.js";
import type { ContainerSpec } from "./container-spec.js";
import { stateDirOf } from "./prepare-container.js";
import { findMarkedProcesses } from "./process/marker-scan.js";
import { childrenOf } from "./process/process-tree.js";
import { type StopSignal, signalProcesses } from "./process/signal-processes.js";

/**
 * Sends `signal` to the container's command and resolves with the host PIDs it reached (none when the command
 * has ended). The command is the init's child (PID 2 inside with a pid namespace): PID 1 of a namespace ignores
 * every signal it has no handler for, so signalling the init would do nothing.
 *
 * A detached container's state records its init. A one-shot container's does not (one spawn does everything):
 * its init is found by the marker every process of the launch carries in its command line: the marked process
 * that no other marked process is the parent of (sudo, setpriv and unshare all lead to it).
 */
export async function signalContainer(name: string, signal: StopSignal): Promise<number[]> {
  const stored = await readStoredState<ContainerSpec>(name);
  if (!stored?.state) {
    throw new ContainerError(
      "not-found",
      stored
        ? `container "${name}" has no state yet (its start did not finish): nothing to signal`
        : `no container named "${name}" (see \`nsbook ps\`)`,
      { container: name },
    );
  }
  const state = stored.state;
  let inits: number[];
  if (state.init) {
    inits = [state.init.pid];
  } else {
    const marked = await findMarkedProcesses(runDir(), stateDirOf(name));
    const parents = new Set(marked.map((m) => m.ppid));
    inits = marked.filter((m) => !parents.has(m.pid)).map((m) => m.pid);
  }
  const targets = (await Promise.all(inits.map((pid) => childrenOf(pid)))).flat();
  await signalProcesses(targets, signal, state.privilege);
  return targets;
}

export { CONTAINER_SIGNALS, type StopSignal } from "./process/signal-processes.js";
