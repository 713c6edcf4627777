// The stage-2 argv of a hardened container: the hardened pivot_root shell and its positional arguments.

import { setprivDropList } from "../hardening/capabilities.js";
import { RUNC_MASKED_PATHS, RUNC_READONLY_PATHS } from "../hardening/runc-paths.js";
import type { ContainerSpec } from "./container-spec.js";
import { HARDENED_PIVOT_MARKER, HARDENED_PIVOT_SCRIPT } from "./init-script.js";

/** True when the container asks for anything {@link HARDENED_PIVOT_SCRIPT} does. */
export function isHardened(spec: Pick<ContainerSpec, "capDrop" | "hardening">): boolean {
  return (spec.capDrop?.length ?? 0) > 0 || spec.hardening !== undefined;
}

/**
 * `-- /bin/sh -c <hardened pivot> nsbook-hardened-pivot ROOT proc|"" DROPS nnp|"" MASKED... -- READONLY... --`,
 * to be followed by the init's arguments. `root` is the directory to pivot into (the rootfs, or an overlay's
 * merged directory).
 */
export function hardenedPivotArgv(spec: ContainerSpec, root: string): string[] {
  const h = spec.hardening;
  return [
    "--",
    "/bin/sh",
    "-c",
    HARDENED_PIVOT_SCRIPT,
    HARDENED_PIVOT_MARKER,
    root,
    spec.mountProc ? "proc" : "",
    spec.capDrop && spec.capDrop.length > 0 ? setprivDropList(spec.capDrop) : "",
    h?.noNewPrivs ? "nnp" : "",
    ...(h?.maskPaths ? RUNC_MASKED_PATHS : []),
    "--",
    ...(h?.readonlyPaths ? RUNC_READONLY_PATHS : []),
    "--",
  ];
}
