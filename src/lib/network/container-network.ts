// Where a container sits on the bridge network, read back from its resource registry.
import type { ContainerState } from "../core/state.js";
import { type ContainerNetwork, VETH_RESOURCE_KIND } from "./attach.js";
import { CONTAINER_INTERFACE } from "./link-names.js";

/** The container's network as its veth record tells it; undefined when it is not on a bridge. Pure. */
export function containerNetwork(state: Pick<ContainerState, "resources">): ContainerNetwork | undefined {
  const link = state.resources.find(
    (r) => r.kind === VETH_RESOURCE_KIND && typeof r.info?.address === "string",
  );
  const info = link?.info;
  if (!link || !info) return undefined;
  return {
    bridge: String(info.bridge),
    address: String(info.address),
    prefixLength: Number(info.prefixLength),
    gateway: String(info.gateway),
    hostInterface: link.id,
    containerInterface: typeof info.peer === "string" ? info.peer : CONTAINER_INTERFACE,
  };
}
