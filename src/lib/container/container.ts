// A container as an object: what notebooks and the CLI hold on to between cells and commands.

import { type ContainerExit, readState } from "../core/state.js";
import type { ContainerPrivilege } from "../privilege/index.js";
import { containerLogs } from "./container-logs.js";
import type { ContainerSpec, ContainerState } from "./container-spec.js";
import { type ContainerStatus, containerStatus, recordObservedExit } from "./container-status.js";
import { type ExecOptions, type ExecResult, execInContainer } from "./exec-in-container.js";
import { type ContainerInfo, describeContainer } from "./list-containers.js";
import { type RemoveOptions, removeContainer } from "./remove-container.js";
import { launchDetached, type StartOptions } from "./start-container.js";
import { type StopOptions, type StopOutcome, stopContainer } from "./stop-container.js";

/** A detached container, found again by name from any process (its state lives under the run directory). */
export class Container {
  #state: ContainerState;

  constructor(state: ContainerState) {
    this.#state = state;
  }

  /** Its name. */
  get name(): string {
    return this.#state.name;
  }

  /** What it was created with (defaults applied). */
  get spec(): ContainerSpec {
    return this.#state.spec;
  }

  /** The privilege mode it runs in. */
  get privilege(): ContainerPrivilege {
    return this.#state.privilege;
  }

  /** Host PID of its init (PID 1 inside when it has a pid namespace). */
  get pid(): number | undefined {
    return this.#state.init?.pid;
  }

  /** The state as last read. */
  get state(): ContainerState {
    return this.#state;
  }

  /** Runs a command inside (its namespaces, root and working directory) and resolves with exit code and output. */
  exec(command: readonly string[], options?: ExecOptions): Promise<ExecResult> {
    return execInContainer(this.#state, command, options);
  }

  /** Live status, checked in /proc. */
  status(): Promise<ContainerStatus> {
    return containerStatus(this.#state);
  }

  /** A summary for tables. */
  info(): Promise<ContainerInfo> {
    return describeContainer(this.#state);
  }

  /**
   * How its main command ended - exit code, whether the OOM killer ended it, and a line such as
   * "killed: out of memory (limit 32 MiB, peak 32 MiB)" - once it has; undefined while it runs (or when nobody saw
   * the end and its cgroups tell nothing).
   */
  async exitStatus(): Promise<ContainerExit | undefined> {
    const latest = await readState<ContainerSpec>(this.name).catch(() => this.#state);
    this.#state = await recordObservedExit(latest);
    return this.#state.exit;
  }

  /** What its init and main command printed so far. */
  logs(): Promise<string> {
    return containerLogs(this.name);
  }

  /** SIGTERM to its main command, SIGKILL after `timeoutMs`; state and log remain until {@link remove}. */
  async stop(options?: StopOptions): Promise<StopOutcome> {
    const outcome = await stopContainer(this.name, options);
    if (!outcome.removed) this.#state = await readState<ContainerSpec>(this.name).catch(() => this.#state);
    return outcome;
  }

  /** Deletes its state, log and resources (stopping it first with `force`). Idempotent. */
  remove(options?: RemoveOptions): Promise<StopOutcome> {
    return removeContainer(this.name, options);
  }

  /** Stops and removes it: nothing of it remains. Idempotent. */
  dispose(options?: StopOptions): Promise<StopOutcome> {
    return stopContainer(this.name, { ...options, remove: true });
  }
}

/**
 * Starts a detached container and resolves once it is ready; its init runs as PID 1 and reaps orphans. Its
 * command defaults to `sleep infinity`, so it idles until stopped and other commands can be exec'd into it.
 */
export async function startContainer(options: StartOptions = {}): Promise<Container> {
  return new Container(await launchDetached(options));
}

/** The container named `name` (from any process); throws a "not-found" error when there is none. */
export async function getContainer(name: string): Promise<Container> {
  return new Container(await readState<ContainerSpec>(name));
}
