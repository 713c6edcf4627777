// Checks on what reaches the overlay mount's option string, before the kernel sees it.

import { posix } from "node:path";
import { invalidOption } from "../errors/index.js";

const LAYER_NAME_RE = /^[a-z0-9][a-z0-9_.-]{0,62}$/;

/** Checks a layer name: 1-63 of a-z, 0-9, _ . - starting with a letter or digit (so never "." or ".."). */
export function validateLayerName(name: unknown, option = "layer"): string {
  if (typeof name !== "string" || !LAYER_NAME_RE.test(name)) {
    throw invalidOption(
      option,
      name,
      "is not a layer name: use 1-63 of a-z, 0-9, _ . - starting with a letter or digit",
    );
  }
  return name;
}

/**
 * Checks a host directory that goes into the overlay's mount options and normalizes it. The kernel parses
 * `lowerdir=A:B,upperdir=U,workdir=W` itself: a comma ends an option, a colon separates lower layers and a
 * backslash escapes either, so a path holding one of them would silently mean something else. Whitespace is
 * refused too (mountinfo escapes it, which makes the layer hard to recognise there).
 */
export function validateOverlayPath(path: unknown, option: string): string {
  if (typeof path !== "string" || !path.startsWith("/")) {
    throw invalidOption(option, path, "must be an absolute host path");
  }
  if (/[,:\\\s\0]/.test(path)) {
    throw invalidOption(
      option,
      path,
      "contains a comma, colon, backslash or whitespace, which the overlay mount options cannot carry: choose a simpler path",
    );
  }
  if (path.split("/").includes("..")) throw invalidOption(option, path, 'must not contain ".."');
  return posix.normalize(path).replace(/(.)\/$/, "$1");
}

/** True when `inner` is `outer` or below it (both normalized absolute paths). */
export function isSameOrBelow(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith("/") ? outer : `${outer}/`);
}
