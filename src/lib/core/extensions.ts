// The contracts between the container engine (container/) and what it is extended with: the cgroups that
// carry a container's limits, the network that connects it, the overlay that gives it a writable layer.
// Each extension lives in its own folder below container/ and knows only these types; container/extensions.ts
// composes them, and every container start reads them from there.
import type { ContainerPrivilege } from "../privilege/index.js";
import type { NewResource, ResourceDisposer } from "./resource-registry.js";
import type { ContainerState } from "./state.js";

/** What every extension gets for the container being created. */
export interface ExtensionContext {
  container: string;
  mode: ContainerPrivilege;
  /** Records a resource in the container's registry: call it BEFORE creating the resource. */
  record(resource: NewResource): Promise<void>;
}

/** What the resources extension (cgroups) gets: `spec.resources`, as the caller gave it (it validates them). */
export interface ResourcesContext extends ExtensionContext {
  resources: unknown;
}

/** What the resources extension made. */
export interface ResourcesResult {
  /**
   * Absolute cgroup.procs files (one per controller hierarchy) the container's first process writes its own PID
   * into before it executes unshare; `exec` joins them too.
   */
  cgroupProcsFiles: string[];
}

/** What the network extension gets, once the container's init (and so its network namespace) exists. */
export interface NetworkContext extends ExtensionContext {
  /** The state's creation time (makes interface names unique per incarnation of a name). */
  createdAt: string;
  /** `spec.network`: the kind of network asked for. */
  network: "bridge";
  /** `spec.bridge`: which bridge and subnet (unvalidated; the extension checks it). */
  bridge?: { name?: string; subnet?: string };
  /** Host PID of the container's init: its network namespace is the container's. */
  pid: number;
}

/** How a container's main process ended, as its launcher saw it. */
export interface ObservedExit {
  /** Exit code as reported (unshare's), when it exited. */
  code?: number;
  /** Signal that ended it, when one did. */
  signal?: string;
}

/**
 * The extensions of the container engine. A start calls `prepare` (before any process exists), then `connect`
 * (once the init exists); a stop disposes of every recorded resource with the disposer named by its kind.
 */
export interface ContainerExtensions<Inspection = unknown> {
  /** Creates the container's cgroups from `spec.resources` (each recorded first); called only when given. */
  resources(context: ResourcesContext): Promise<ResourcesResult>;
  /** Creates the overlay's upper and work directories (recorded first) when `state.spec` asks for an overlay. */
  overlayDirs(state: ContainerState): Promise<void>;
  /** Connects the container's network namespace (each resource recorded first) when `spec.network` is "bridge". */
  network(context: NetworkContext): Promise<void>;
  /**
   * Reads what the container's resources recorded about its end (cgroup counters); undefined when there is
   * nothing to read. Called BEFORE the resources are disposed of.
   */
  inspectExit(state: ContainerState, exit: ObservedExit): Promise<Inspection | undefined>;
  /** How to remove each kind of recorded resource, by kind ("cgroup", "link", "overlay-dir", ...). */
  disposers: Readonly<Record<string, ResourceDisposer>>;
}
