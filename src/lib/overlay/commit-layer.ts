// Committing a container's upper layer as a read-only layer that later containers stack on their rootfs.

import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, stat, utimes } from "node:fs/promises";
import { join } from "node:path";
import { validateContainerName } from "../core/container-name.js";
import { readStoredState } from "../core/state.js";
import { invalidOption } from "../errors/index.js";
import { runHost } from "../host/index.js";
import { keptUpperRoot, layerDir, layersDir } from "./layer-paths.js";
import { OverlayError } from "./overlay-error.js";
import type { WithOverlay } from "./overlay-spec.js";
import { validateLayerName, validateOverlayPath } from "./overlay-validate.js";
import { findWhiteouts } from "./whiteouts.js";

/** Options for {@link commitLayer}. */
export interface CommitLayerOptions {
  /** Replace a layer of that name that exists already. @default false (refused) */
  replace?: boolean;
}

/** A committed layer. */
export interface CommittedLayer {
  name: string;
  /** Its directory, usable as a lower layer (`overlay: { lowers: [name] }`). */
  dir: string;
  /** The upper directory it was copied from. */
  from: string;
  /** Whiteouts it carries (deletions it applies to the layers below it). */
  whiteouts: string[];
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/**
 * The upper directory `from` names: an absolute path, or a container's name (its upper layer while it exists,
 * else the upper layer it kept with `overlay.keep`).
 */
export async function resolveUpperDir(from: string): Promise<string> {
  if (from.startsWith("/")) {
    const dir = validateOverlayPath(from, "from");
    if (!(await isDirectory(dir))) throw invalidOption("from", from, "is not a directory");
    return dir;
  }
  const name = validateContainerName(from);
  const stored = await readStoredState<WithOverlay>(name);
  const upper = stored?.state?.spec.overlay?.upperDir;
  if (upper && (await isDirectory(upper))) return upper;
  const kept = join(keptUpperRoot(name), "upper");
  if (await isDirectory(kept)) return kept;
  throw new OverlayError(
    stored?.state
      ? `from: container "${name}" has no overlay: start it with overlay (\`nsbook run --overlay\`)`
      : `from: no container "${name}" and no upper layer it kept: run it with \`--overlay --keep-upper\`, or commit before removing it`,
  );
}

/**
 * Copies an upper layer into `<dataDir>/layers/<name>`, which later containers can stack on their rootfs
 * (`overlay: { lowers: [name] }`, i.e. `lowerdir=<layer>:<rootfs>`): the same idea as `docker commit` and an
 * image layer, which is a saved upper directory.
 *
 * The copy is `cp -a`, which keeps what makes a layer a layer: a whiteout (a deleted file, stored as a character
 * device 0/0) is recreated with mknod, and an opaque directory (xattr trusted.overlay.opaque="y") keeps its
 * xattr, so in the new stack the deletions still hide the files of the layers below. Both need root: mknod and
 * the trusted.* xattrs need CAP_MKNOD and CAP_SYS_ADMIN, and cp would otherwise silently drop the xattrs.
 * The copy goes to a temporary folder first, then rename(2) makes it appear whole.
 *
 * Commit a stopped container (or one that does not write meanwhile): like `docker commit`, which pauses the
 * container, a copy taken during writes may catch half a change.
 */
export async function commitLayer(
  from: string,
  name: string,
  options: CommitLayerOptions = {},
): Promise<CommittedLayer> {
  validateLayerName(name, "name");
  if (typeof from !== "string" || from === "") {
    throw invalidOption("from", from, "must be a container name or an absolute directory");
  }
  const upper = await resolveUpperDir(from);
  const dir = layerDir(name);
  if ((await isDirectory(dir)) && !options.replace) {
    throw new OverlayError(
      `layer "${name}" exists already: choose another name, remove it (\`nsbook layers remove ${name}\`) or replace it`,
    );
  }
  await mkdir(layersDir(), { recursive: true, mode: 0o755 });
  const tmp = join(layersDir(), `.nsbook-commit-${name}-${randomBytes(4).toString("hex")}`);
  try {
    await runHost(["cp", "-a", "--", upper, tmp], { what: `copy upper layer ${upper} to layer "${name}"` });
    if (options.replace) await rm(dir, { recursive: true, force: true });
    // cp -a kept the upper directory's times: stamp the layer's own folder with the commit time.
    const now = new Date();
    await utimes(tmp, now, now);
    await rename(tmp, dir);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return { name, dir, from: upper, whiteouts: await findWhiteouts(dir) };
}
