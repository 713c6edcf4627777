// A container's hardening as runc applies it: capabilities dropped, /proc paths masked or read-only, no_new_privs.

import { ContainerError, invalidOption } from "../errors/index.js";
import { normalizeCapDrop } from "../hardening/capabilities.js";
import type { NamespaceKind } from "./namespaces.js";

/** What a caller may ask for (the `hardening` container option). */
export interface HardeningOptions {
  /** Mask runc's list of /proc and /sys paths (RUNC_MASKED_PATHS): files read empty, folders are empty. @default false */
  maskPaths?: boolean;
  /** Make runc's list of /proc paths read-only (RUNC_READONLY_PATHS): writes fail with EROFS. @default false */
  readonlyPaths?: boolean;
  /** Set no_new_privs: setuid binaries and file capabilities no longer raise privileges. @default false */
  noNewPrivs?: boolean;
}

/** The hardening of a container, decided: stored in its spec. */
export interface HardeningSpec {
  maskPaths: boolean;
  readonlyPaths: boolean;
  noNewPrivs: boolean;
}

/** The part of the container options this module reads. */
export interface HardeningInput {
  capDrop?: readonly string[];
  hardening?: HardeningOptions;
  rootSwitch?: string;
}

/** True when the options ask for any hardening (a capability drop, masked or read-only paths, no_new_privs). */
export function wantsHardening(options: HardeningInput): boolean {
  const h = options.hardening;
  const asked =
    h !== undefined && (h.maskPaths === true || h.readonlyPaths === true || h.noNewPrivs === true);
  return asked || (options.capDrop !== undefined && options.capDrop.length > 0);
}

/**
 * Checks `capDrop` and `hardening` and returns the spec fields (nothing when no hardening is asked for).
 *
 * Hardening is applied in the pivot_root set-up, on the host's side, before the container's own programs run:
 * masks and read-only binds need the host's `mount`, and the capability drop the host's `setpriv`. So it needs
 * rootSwitch "pivot_root" (the default when hardening is asked for), as in runc, which always pivots.
 */
export function normalizeHardening(
  options: HardeningInput,
  rootSwitch: string,
  namespaces: readonly NamespaceKind[],
): { capDrop?: string[]; hardening?: HardeningSpec } {
  const capDrop = options.capDrop === undefined ? [] : normalizeCapDrop(options.capDrop);
  const h = options.hardening ?? {};
  if (typeof h !== "object" || h === null || Array.isArray(h))
    throw invalidOption("hardening", h, "must be an object such as { maskPaths: true, readonlyPaths: true }");
  for (const key of Object.keys(h)) {
    if (key !== "maskPaths" && key !== "readonlyPaths" && key !== "noNewPrivs")
      throw invalidOption(
        "hardening",
        key,
        "is not a hardening option: use maskPaths, readonlyPaths or noNewPrivs",
      );
  }
  const spec: HardeningSpec = {
    maskPaths: h.maskPaths ?? false,
    readonlyPaths: h.readonlyPaths ?? false,
    noNewPrivs: h.noNewPrivs ?? false,
  };
  for (const [k, v] of Object.entries(spec))
    if (typeof v !== "boolean") throw invalidOption(`hardening.${k}`, v, "must be true or false");
  const any = capDrop.length > 0 || spec.maskPaths || spec.readonlyPaths || spec.noNewPrivs;
  if (!any) return {};
  if (rootSwitch !== "pivot_root" || !namespaces.includes("mount")) {
    throw new ContainerError(
      "invalid-option",
      'capDrop/hardening: capabilities are dropped and paths masked while the root is switched with pivot_root: use rootSwitch "pivot_root" (the default with hardening) and keep "mount" in namespaces',
    );
  }
  return {
    ...(capDrop.length > 0 ? { capDrop } : {}),
    ...(spec.maskPaths || spec.readonlyPaths || spec.noNewPrivs ? { hardening: spec } : {}),
  };
}
