// Making a container's overlay directories on the host: recorded in its registry first, then created.

import { mkdir } from "node:fs/promises";
import { recordResource } from "../core/resources/resource-registry.js";
import type { ContainerState } from "../core/state/container-state.js";
import { readStoredState } from "../core/state/state-store.js";
import { OVERLAY_DIR_RESOURCE } from "./overlay-dir-disposer.js";
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
