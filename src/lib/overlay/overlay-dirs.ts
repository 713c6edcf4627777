// A container's overlay directories on the host (upper, work, merged): recorded in its registry first, then
// created; and removed with the container (unless its upper layer is kept).
import { mkdir } from "node:fs/promises";
import { isAbsolute, normalize } from "node:path";
import { type ResourceDisposer, recordResource } from "../core/resource-registry.js";
import { type ContainerState, readStoredState } from "../core/state.js";
import { runHost } from "../host/index.js";
import { privilegePrefix } from "../privilege/index.js";
import type { WithOverlay } from "./overlay-spec.js";

/**
 * Creates the upper, work and merged directories of `state.spec.overlay` (nothing when there is none). The work
 * directory, and the upper one unless kept, are recorded as resources BEFORE they are created, so a crash at
 * any point leaves nothing `stop --all` does not delete. A kept upper layer that exists already is reused.
 * Nothing is mounted here: the container mounts the overlay in its own mount namespace.
 */
export async function createOverlayDirs(state: ContainerState<WithOverlay>): Promise<void> {
  const overlay = state.spec.overlay;
  if (!overlay) return;
  const record = (id: string) => recordResource(state.name, { kind: OVERLAY_DIR_RESOURCE, id });
  if (!overlay.keep) await record(overlay.upperDir);
  await record(overlay.workDir);
  const stored = await readStoredState<WithOverlay>(state.name);
  state.resources = stored?.state?.resources ?? state.resources;
  // 755: the root directory of the merged tree takes the upper directory's mode and owner.
  await mkdir(overlay.upperDir, { recursive: true, mode: 0o755 });
  await mkdir(overlay.workDir, { recursive: true, mode: 0o700 });
  await mkdir(overlay.mergedDir, { recursive: true, mode: 0o755 });
}

/** The resource kind of an overlay directory in a container's registry; its id is the absolute host path. */
export const OVERLAY_DIR_RESOURCE = "overlay-dir";

/**
 * Deletes one overlay directory with `rm -rf --one-file-system` (root's tool in sudo mode: files copied up by
 * root inside belong to root). Whiteouts are character devices and the kernel's work/work folder has mode 000:
 * both are removed like anything else by root. Refuses a path that does not name nsbook, as a last guard
 * against a corrupted state file deleting something else. Idempotent (rm -f).
 */
export const disposeOverlayDir: ResourceDisposer = async (record, context) => {
  const path = record.id;
  if (!isAbsolute(path) || normalize(path) !== path || !path.includes("nsbook") || path === "/") {
    throw new Error(`refusing to delete ${JSON.stringify(path)}: not an nsbook overlay directory`);
  }
  await runHost([...privilegePrefix(context.mode), "rm", "-rf", "--one-file-system", "--", path], {
    what: `delete overlay directory ${path} of container "${context.container}"`,
  });
};
