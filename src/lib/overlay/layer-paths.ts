// Where layers live on the host: committed layers and kept upper layers, both under the data directory.
import { join } from "node:path";
import { dataDir } from "../core/paths.js";

/** Committed layers (read-only lowers for later containers) live in `<dataDir>/layers/<name>`. */
export function layersDir(): string {
  return join(dataDir(), "layers");
}

/** The directory of committed layer `name` (validated by the caller). */
export function layerDir(name: string): string {
  return join(layersDir(), name);
}

/** Kept upper layers (`overlay.keep`) live in `<dataDir>/uppers/<container>/{upper,work}`. */
export function keptUpperRoot(container: string): string {
  return join(dataDir(), "uppers", container);
}
