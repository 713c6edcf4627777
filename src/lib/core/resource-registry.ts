// A container's resource registry: each resource is recorded in its state file BEFORE it is created, and
// disposed of in reverse order by the disposer of its kind. That ordering is what makes cleanup survive a crash
// between two set-up steps (the lesson of bubblewrap and runc): whatever may exist is written down first. The
// disposers of what the host's own tools make (mounts, network namespaces, interfaces) are here; the table of
// all of them is part of the container's extensions (container/extensions.ts), so `nsbook stop --all` in another
// process removes what a notebook kernel created, with the same code.

import { runHost } from "../host/index.js";
import { type ContainerPrivilege, privilegePrefix } from "../privilege/index.js";
import { type ResourceRecord, updateState } from "./state.js";

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

/** Whether stderr says the thing was not there (which, for removal, is success). */
const absent = (stderr: string): boolean =>
  /not mounted|no mount point|No such file|Cannot find device|does not exist|Cannot open network namespace/i.test(
    stderr,
  );

function hostRemoval(what: string, argv: (id: string) => string[]): ResourceDisposer {
  return async (record, context) => {
    const options = { what: `${what} ${record.id} of container "${context.container}"` };
    const command = [...privilegePrefix(context.mode), ...argv(record.id)];
    const r = await runHost(command, { ...options, allowFailure: true });
    if (!r.failed || absent(r.stderr)) return;
    // Once more, failing for real this time - unless the thing is gone by now: a veth vanishes by itself when
    // its namespace's last process dies, and another stop may be removing it meanwhile (the soak saw the retry
    // fail with "Cannot find device").
    const again = await runHost(command, { ...options, allowFailure: true });
    if (again.failed && !absent(again.stderr)) await runHost(command, options);
  };
}

/** "mount": id is a host path; unmounted lazily (MNT_DETACH), so a busy mount still disappears from the tree. */
export const disposeMount = hostRemoval("unmount", (id) => ["umount", "--lazy", id]);
/** "netns": id is a name made by `ip netns add`. */
export const disposeNetns = hostRemoval("delete network namespace", (id) => ["ip", "netns", "delete", id]);
/** "link": id is a host network interface (a veth end, a bridge). */
export const disposeLink = hostRemoval("delete interface", (id) => ["ip", "link", "delete", id]);

/** The disposers of what the host's own tools create, by kind. */
export const BUILTIN_DISPOSERS: Readonly<Record<string, ResourceDisposer>> = {
  mount: disposeMount,
  netns: disposeNetns,
  link: disposeLink,
};

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
