// The registry of how to remove each kind of resource a container can own. Modules that create resources
// (cgroups, networking) register their kind here when imported, so `nsbook stop --all` in another process can
// remove what a notebook kernel created.
import type { ContainerPrivilege } from "../privilege-mode.js";
import type { ResourceRecord } from "../state/container-state.js";

/** What a disposer is told besides the record. */
export interface DisposeContext {
  /** The container that owned the resource. */
  container: string;
  /** The privilege mode the container was created with (sudo mode needs `sudo -n` for host commands). */
  mode: ContainerPrivilege;
}

/**
 * Removes one resource. Must be idempotent and must succeed when the resource was recorded but never created
 * (records are written before creation, so a crash between the two leaves such a record).
 */
export type ResourceDisposer = (record: ResourceRecord, context: DisposeContext) => Promise<void>;

const disposers = new Map<string, ResourceDisposer>();

/** Registers (or replaces) the disposer for resources of `kind`. */
export function registerResourceDisposer(kind: string, dispose: ResourceDisposer): void {
  disposers.set(kind, dispose);
}

/** The disposer for `kind`, if one is registered. */
export function resourceDisposer(kind: string): ResourceDisposer | undefined {
  return disposers.get(kind);
}
