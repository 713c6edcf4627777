// A container's resource registry: recorded in its state file BEFORE each resource is created, disposed of in
// reverse order. That ordering is what makes cleanup survive a crash between two set-up steps (the lesson of
// bubblewrap and runc): whatever may exist is written down first.
import type { ContainerPrivilege } from "../../privilege/index.js";
import type { ResourceRecord } from "../state/container-state.js";
import { updateState } from "../state/state-store.js";
import type { ResourceDisposer } from "./resource-disposers.js";

/** A resource as a caller describes it (the time is added when it is recorded). */
export type NewResource = Omit<ResourceRecord, "recordedAt">;

/**
 * Adds `resource` to the registry of container `name`; call it BEFORE creating the resource. Recording the same
 * kind and id again is a no-op. Throws when the container does not exist.
 */
export async function recordResource(name: string, resource: NewResource): Promise<void> {
  const state = await updateState(name, (s) => {
    if (s.resources.some((r) => r.kind === resource.kind && r.id === resource.id)) return;
    s.resources.push({ ...resource, recordedAt: new Date().toISOString() });
  });
  if (!state)
    throw new Error(`cannot record ${resource.kind} ${resource.id}: container "${name}" has no state`);
}

/** Removes a resource from the registry of `name` (after disposing of it yourself). Idempotent. */
export async function forgetResource(name: string, kind: string, id: string): Promise<void> {
  await updateState(name, (s) => {
    s.resources = s.resources.filter((r) => !(r.kind === kind && r.id === id));
  });
}

/** What disposing of a container's resources left behind. */
export interface DisposeOutcome {
  disposed: ResourceRecord[];
  /** Resources that could not be removed, with why. */
  failed: { record: ResourceRecord; error: string }[];
}

/**
 * Disposes of `resources` in reverse order of recording, each with the disposer `disposers` names for its kind
 * (the container's extensions give the table). A kind without a disposer is reported as failed.
 */
export async function disposeResources(
  container: string,
  resources: readonly ResourceRecord[],
  mode: ContainerPrivilege,
  disposers: Readonly<Record<string, ResourceDisposer>>,
): Promise<DisposeOutcome> {
  const outcome: DisposeOutcome = { disposed: [], failed: [] };
  for (const record of [...resources].reverse()) {
    const dispose = Object.hasOwn(disposers, record.kind) ? disposers[record.kind] : undefined;
    if (!dispose) {
      outcome.failed.push({
        record,
        error: `nsbook has no disposer for resources of kind "${record.kind}" (a state file written by another version?)`,
      });
      continue;
    }
    try {
      await dispose(record, { container, mode });
      outcome.disposed.push(record);
    } catch (e) {
      outcome.failed.push({ record, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return outcome;
}
