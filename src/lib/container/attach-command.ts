// How to get a shell in a running container by hand: the nsenter line `nsbook shell` runs for you.
import { formatCommand } from "../host/index.js";
import { privilegePrefix } from "../privilege/index.js";
import type { ContainerState } from "./container-spec.js";
import { namespaceFlags } from "./namespaces.js";

/** The nsenter command line that opens a shell in the running container `state` (as a user would type it). */
export function attachCommand(state: ContainerState): string {
  if (!state.init) throw new Error(`container "${state.name}" has no init process`);
  return formatCommand([
    ...privilegePrefix(state.privilege),
    "nsenter",
    "--target",
    String(state.init.pid),
    ...namespaceFlags(state.spec.namespaces),
    ...(state.spec.namespaces.includes("user") ? ["--preserve-credentials"] : []),
    "--root",
    "--wd",
    "/bin/sh",
  ]);
}
