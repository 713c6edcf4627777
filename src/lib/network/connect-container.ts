// What the network gives a container (container/extensions.ts composes it into the engine): with
// `network: "bridge"`, eth0 on nsbook0; and the disposers of "bridge" and "ip-lease" records, so any process -
// `nsbook stop --all` after a crash included - can undo what a start did. Veths are "link" records, which the
// built-in disposers delete.

import type { NetworkContext } from "../core/extensions.js";
import type { ResourceDisposer } from "../core/resource-registry.js";
import { NsbookError } from "../errors/index.js";
import { attachToBridge, LEASE_RESOURCE_KIND } from "./attach.js";
import { BRIDGE_RESOURCE_KIND, releaseBridge } from "./bridge.js";
import { releaseAddress, withNetworkLock } from "./ipam.js";

/** Puts the container on its bridge (the default one unless `context.bridge` names another). */
export async function connectToBridge(context: NetworkContext): Promise<void> {
  if (context.mode === "rootless") {
    throw new NsbookError(
      "privilege",
      `container "${context.container}": network "bridge" creates interfaces on the host, which needs root: ` +
        'start the CLI or the course with sudo, or use network "none"',
    );
  }
  await attachToBridge(context, { bridge: context.bridge?.name, subnet: context.bridge?.subnet });
}

/** How to remove the network's records: a bridge (when no container uses it any more) and an address lease. */
export const NETWORK_DISPOSERS: Readonly<Record<string, ResourceDisposer>> = {
  [BRIDGE_RESOURCE_KIND]: (record, context) =>
    withNetworkLock(record.id, async () => {
      await releaseBridge(record.id, context.container, context.mode);
    }),
  [LEASE_RESOURCE_KIND]: async (record, context) => {
    const bridge = String(record.info?.bridge ?? "");
    if (!bridge) return;
    await withNetworkLock(bridge, () => releaseAddress(bridge, record.id, context.container));
  },
};
