// How a recorded resource is removed: one disposer per kind. The table of them is part of the container's
// extensions (container/extensions.ts), so `nsbook stop --all` in another process removes what a notebook
// kernel created, with the same code.
import type { ContainerPrivilege } from "../../privilege/index.js";
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
