// Upper layers kept after their container was removed (`overlay.keep`): listing and deleting them.
import { readdir, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { validateContainerName } from "../core/container-name.js";
import { readStoredState } from "../core/state.js";
import { keptUpperRoot } from "./layer-paths.js";
import { removeIfEmpty } from "./list-layers.js";
import { OverlayError } from "./overlay-error.js";

/** A kept upper layer. */
export interface KeptUpper {
  /** The container it belongs to (a later container of that name with `keep` starts from it). */
  container: string;
  /** The upper directory itself. */
  dir: string;
}

/** Every kept upper layer under `<dataDir>/uppers`, sorted by container name. */
export async function listKeptUppers(): Promise<KeptUpper[]> {
  const root = dirname(keptUpperRoot("x"));
  let names: string[];
  try {
    names = (await readdir(root)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  const out: KeptUpper[] = [];
  for (const container of names) {
    const dir = join(root, container, "upper");
    if (
      await stat(dir).then(
        (s) => s.isDirectory(),
        () => false,
      )
    )
      out.push({ container, dir });
  }
  return out;
}

/**
 * Deletes the upper layer kept for container `name`; false when there was none. Refused while a container of
 * that name exists (it may have the layer mounted): remove the container first.
 */
export async function removeKeptUpper(name: string): Promise<boolean> {
  validateContainerName(name);
  if ((await readStoredState(name)) !== undefined) {
    throw new OverlayError(
      `container "${name}" still exists and may use its kept upper layer: remove it first (\`nsbook stop ${name}\`)`,
    );
  }
  const root = keptUpperRoot(name);
  const existed = await stat(root).then(
    () => true,
    () => false,
  );
  await rm(root, { recursive: true, force: true });
  await removeIfEmpty(dirname(root));
  return existed;
}
