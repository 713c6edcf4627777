// Adapting a container's spec to its privilege mode, and refusing up front what the mode cannot do.
import { ContainerError } from "../errors/container-error.js";
import type { ContainerPrivilege } from "../privilege/index.js";
import type { ContainerSpec } from "./container-spec.js";
import { sortNamespaces } from "./namespaces.js";
import { DEFAULT_USERNS_ID, usernsNotInRootless } from "./userns-mapping.js";

/**
 * Adapts `spec` to `mode` and refuses, up front and with the reason, what the mode cannot do. Rootless adds the
 * user namespace (it is what grants root inside) and refuses resource limits and /proc without a pid namespace.
 */
export function applyPrivilege(spec: ContainerSpec, mode: ContainerPrivilege): ContainerSpec {
  if (mode !== "rootless") return spec;
  if (spec.userns) {
    // Rootless already is a user namespace; its map can only name the caller's own IDs (see userns-mapping.ts).
    const own = process.getuid?.() ?? -1;
    if (spec.userns.hostUid !== own && spec.userns.hostUid !== DEFAULT_USERNS_ID)
      throw usernsNotInRootless(spec.name, spec.userns, own);
    const { userns: _mapped, ...rest } = spec;
    spec = rest;
  }
  if (spec.resources !== undefined) {
    throw new ContainerError(
      "privilege",
      `container "${spec.name}": resource limits are not available rootless (creating cgroups needs root or a delegated cgroup); run as root or with sudo`,
      { container: spec.name },
    );
  }
  if (spec.mountProc && !spec.namespaces.includes("pid")) {
    throw new ContainerError(
      "privilege",
      `container "${spec.name}": rootless, the kernel mounts /proc only inside a pid namespace you own: add "pid" to namespaces or set mountProc: false`,
      { container: spec.name },
    );
  }
  return { ...spec, namespaces: sortNamespaces([...spec.namespaces, "user"]) };
}
