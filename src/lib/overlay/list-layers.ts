// Listing and removing committed layers.

import { readdir, rm, rmdir, stat } from "node:fs/promises";
import { listContainerNames, readStoredState } from "../core/state.js";
import { layerDir, layersDir } from "./layer-paths.js";
import { OverlayError } from "./overlay-error.js";
import type { WithOverlay } from "./overlay-spec.js";
import { validateLayerName } from "./overlay-validate.js";

/** A committed layer on disk. */
export interface LayerInfo {
  name: string;
  dir: string;
  /** When it was committed (the directory's mtime), ISO. */
  committedAt: string;
  /** Containers whose overlay stacks it now. */
  usedBy: string[];
}

/** Names of the containers whose overlay has `dir` among its lower layers. */
async function containersUsing(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const name of await listContainerNames()) {
    const stored = await readStoredState<WithOverlay>(name);
    if (stored?.state?.spec.overlay?.lowers.includes(dir)) names.push(name);
  }
  return names;
}

/** Every committed layer under `<dataDir>/layers`, sorted by name. */
export async function listLayers(): Promise<LayerInfo[]> {
  let names: string[];
  try {
    names = (await readdir(layersDir(), { withFileTypes: true }))
      .filter((e) => e.isDirectory() && !e.name.startsWith("."))
      .map((e) => e.name)
      .sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  return Promise.all(
    names.map(async (name) => {
      const dir = layerDir(name);
      const s = await stat(dir);
      return { name, dir, committedAt: s.mtime.toISOString(), usedBy: await containersUsing(dir) };
    }),
  );
}

/**
 * Deletes committed layer `name`; false when there was none. A layer stacked by a container that still exists
 * (running or stopped) is refused: overlayfs does not expect a lower layer to change under a mount.
 */
export async function removeLayer(name: string): Promise<boolean> {
  validateLayerName(name, "name");
  const dir = layerDir(name);
  const exists = await stat(dir).then(
    () => true,
    () => false,
  );
  if (!exists) return false;
  const users = await containersUsing(dir);
  if (users.length > 0) {
    throw new OverlayError(
      `layer "${name}" is used by container(s) ${users.join(", ")}: remove them first (\`nsbook stop ${users[0]}\`)`,
    );
  }
  await rm(dir, { recursive: true, force: true });
  await removeIfEmpty(layersDir());
  return true;
}

/** Removes `dir` when it is empty (the layers or uppers folder after its last entry went); else nothing. */
export async function removeIfEmpty(dir: string): Promise<void> {
  await rmdir(dir).catch(() => undefined);
}
