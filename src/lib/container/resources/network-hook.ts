// The hook through which the network module gives a detached container its network, once its init (and so its
// network namespace) exists and before the start returns.
import type { ContainerPrivilege } from "../privilege-mode.js";
import type { NewResource } from "./resource-registry.js";

/** What the network hook gets for one container being started. */
export interface NetworkHookContext {
  container: string;
  /** The state's creation time (makes interface names unique per incarnation of a name). */
  createdAt: string;
  /** `spec.network`: the kind of network asked for. */
  network: "bridge";
  /** `spec.bridge`: which bridge and subnet (unvalidated; the hook checks it). */
  bridge?: { name?: string; subnet?: string };
  /** Host PID of the container's init: its network namespace is the container's. */
  pid: number;
  mode: ContainerPrivilege;
  /** Records a resource in the container's registry: call it BEFORE creating the resource. */
  record(resource: NewResource): Promise<void>;
}

/** Connects a container's network namespace (recording each resource first). */
export type NetworkHook = (context: NetworkHookContext) => Promise<void>;

let hook: NetworkHook | undefined;

/** Installs the network hook (the network module does, on import); undefined removes it. */
export function setNetworkHook(next: NetworkHook | undefined): void {
  hook = next;
}

/** The installed network hook, if any. */
export function networkHook(): NetworkHook | undefined {
  return hook;
}
