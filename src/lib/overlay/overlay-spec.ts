// A container's overlay: what the caller may ask for, and the fully decided layout stored in its spec.

import { stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { runDir } from "../core/paths.js";
import { invalidOption } from "../errors/index.js";
import { keptUpperRoot, layerDir } from "./layer-paths.js";
import { OverlayError } from "./overlay-error.js";
import { isSameOrBelow, validateLayerName, validateOverlayPath } from "./overlay-validate.js";

/** What a caller may say about a container's overlay (`overlay: true` takes every default). */
export interface OverlayOptions {
  /**
   * Read-only layers stacked on top of the rootfs, top first: names of committed layers (`<dataDir>/layers/NAME`,
   * see commitLayer) or absolute directories. The rootfs is always the bottom layer. @default []
   */
  lowers?: readonly string[];
  /**
   * Keep the upper layer when the container is removed: it then lives in `<dataDir>/uppers/<container>/upper`,
   * and the next container of the same name with `keep` starts from it (its earlier writes are still there).
   * @default false (the upper layer is deleted with the container)
   */
  keep?: boolean;
  /**
   * Your own directory as the upper layer (created when missing). nsbook never deletes it, so it implies `keep`;
   * the work directory the kernel needs is made next to it (`.<name>.nsbook-work`, same filesystem) and removed.
   * @default a directory of nsbook's own (see `keep`)
   */
  upperDir?: string;
}

/** The decided overlay of a container, stored in its spec. Every path is absolute on the host. */
export interface OverlaySpec {
  /** Read-only layers, top first; the last one is the rootfs. */
  lowers: string[];
  /** Where writes land: new and changed files, whiteouts for deleted ones. */
  upperDir: string;
  /** The kernel's scratch directory (same filesystem as upperDir, empty between mounts). */
  workDir: string;
  /** Where the union is mounted, inside the container's mount namespace only (an empty directory on the host). */
  mergedDir: string;
  /** True when upperDir outlives the container. */
  keep: boolean;
}

/** What {@link planOverlay} needs to know about the container. */
export interface OverlayContext {
  container: string;
  /** Absolute host directory of the rootfs (the bottom layer). */
  rootfs: string;
  /** The container's namespaces (the overlay needs "mount"). */
  namespaces: readonly string[];
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Resolves one entry of `lowers`: a layer name or an absolute directory, which must exist. */
async function resolveLower(entry: unknown, option: string): Promise<string> {
  if (typeof entry === "string" && entry.startsWith("/")) {
    const dir = validateOverlayPath(entry, option);
    if (!(await isDirectory(dir))) throw invalidOption(option, entry, "is not a directory");
    return dir;
  }
  const name = validateLayerName(entry, option);
  const dir = layerDir(name);
  if (!(await isDirectory(dir))) {
    throw invalidOption(
      option,
      entry,
      "is not a committed layer: see `nsbook layers list`, or commit one with `nsbook layers commit`",
    );
  }
  return validateOverlayPath(dir, option);
}

/**
 * Turns `options.overlay` into the container's overlay layout, checking every value before the kernel sees it:
 * layer names and paths (no character the mount options cannot carry), that the layers exist, that no upper
 * layer sits inside a read-only one, and that the container has a mount namespace to mount it in. No side
 * effects; undefined when the container has no overlay.
 */
export async function planOverlay(
  options: boolean | OverlayOptions | undefined,
  context: OverlayContext,
): Promise<OverlaySpec | undefined> {
  if (options === undefined || options === false) return undefined;
  const o: OverlayOptions = options === true ? {} : options;
  if (typeof o !== "object" || o === null || Array.isArray(o)) {
    throw invalidOption("overlay", options, 'must be true or an object such as { lowers: ["mylayer"] }');
  }
  if (!context.namespaces.includes("mount")) {
    throw new OverlayError(
      'overlay: the overlay is mounted inside the container\'s mount namespace (so nothing is mounted on the host): add "mount" to namespaces',
    );
  }
  if (context.namespaces.includes("user")) {
    throw new OverlayError(
      "overlay: not supported together with a user namespace (rootless or userns) yet: the upper layer would have to belong to the mapped user, and whiteouts cannot be copied without root",
    );
  }
  if (o.keep !== undefined && typeof o.keep !== "boolean")
    throw invalidOption("overlay.keep", o.keep, "must be true or false");
  if (o.lowers !== undefined && !Array.isArray(o.lowers)) {
    throw invalidOption("overlay.lowers", o.lowers, 'must be an array of layer names, e.g. ["mylayer"]');
  }
  const rootfs = validateOverlayPath(context.rootfs, "rootfs");
  const lowers: string[] = [];
  for (const [i, entry] of (o.lowers ?? []).entries()) {
    const dir = await resolveLower(entry, `overlay.lowers[${i}]`);
    if (lowers.includes(dir) || dir === rootfs)
      throw invalidOption(`overlay.lowers[${i}]`, entry, "is given twice");
    lowers.push(dir);
  }
  lowers.push(rootfs);
  const ownDir = join(resolve(runDir()), context.container, "overlay");
  const mergedDir = validateOverlayPath(join(ownDir, "merged"), "run directory");
  let upperDir: string;
  let workDir: string;
  let keep: boolean;
  if (o.upperDir !== undefined) {
    if (o.keep === false) {
      throw invalidOption(
        "overlay.keep",
        false,
        "cannot be combined with overlay.upperDir: nsbook never deletes a directory you chose (drop upperDir to get a throw-away upper layer)",
      );
    }
    upperDir = validateOverlayPath(o.upperDir, "overlay.upperDir");
    if (upperDir === "/") throw invalidOption("overlay.upperDir", o.upperDir, "must not be /");
    workDir = join(dirname(upperDir), `.${basename(upperDir)}.nsbook-work`);
    keep = true;
  } else if (o.keep) {
    const root = validateOverlayPath(keptUpperRoot(context.container), "data directory");
    upperDir = join(root, "upper");
    workDir = join(root, "work");
    keep = true;
  } else {
    upperDir = join(ownDir, "upper");
    workDir = join(ownDir, "work");
    keep = false;
  }
  for (const lower of lowers) {
    if (isSameOrBelow(upperDir, lower) || isSameOrBelow(lower, upperDir)) {
      throw invalidOption(
        "overlay.upperDir",
        upperDir,
        `overlaps the read-only layer ${lower}: the upper layer must be a directory of its own`,
      );
    }
  }
  return { lowers, upperDir, workDir, mergedDir, keep };
}

/**
 * The data of the overlay mount, e.g. `lowerdir=/layers/a:/rootfs,upperdir=/u,workdir=/w`: what the course's
 * `mount -t overlay overlay -o lowerdir=base,upperdir=container,workdir=work merged` passes after -o. Pure.
 */
export function overlayMountData(overlay: Pick<OverlaySpec, "lowers" | "upperDir" | "workDir">): string {
  return `lowerdir=${overlay.lowers.join(":")},upperdir=${overlay.upperDir},workdir=${overlay.workDir}`;
}

/** The part of a container's stored spec the overlay reads (container/ stores the whole ContainerSpec). */
export interface WithOverlay {
  name: string;
  overlay?: OverlaySpec;
}
