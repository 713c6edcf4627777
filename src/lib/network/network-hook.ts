// Joins the network module to the container engine: importing this installs the network hook (a container
// with `network: "bridge"` gets eth0 on nsbook0) and the disposers of "bridge" and "ip-lease" records, so any
// process - `nsbook stop --all` after a crash included - can undo what a start did. Veths are "link" records,
// which the engine's built-in disposer deletes.
import { type NetworkHookContext, setNetworkHook } from "../container/resources/network-hook.js";
import { registerResourceDisposer } from "../container/resources/resource-disposers.js";
import { attachToBridge, LEASE_RESOURCE_KIND } from "./attach.js";
import { BRIDGE_RESOURCE_KIND, releaseBridge } from "./bridge.js";
import { releaseAddress, withNetworkLock } from "./ipam.js";

/** The engine's network hook: puts the container on the default bridge. */
export async function bridgeNetworkHook(context: NetworkHookContext): Promise<void> {
  if (context.mode === "rootless") {
    throw Object.assign(
      new Error(
        `container "${context.container}": network "bridge" creates interfaces on the host, which needs root: ` +
          'start the CLI or the course with sudo, or use network "none"',
      ),
      { userFacing: true },
    );
  }
  await attachToBridge(context, { bridge: context.bridge?.name, subnet: context.bridge?.subnet });
}

setNetworkHook(bridgeNetworkHook);
registerResourceDisposer(BRIDGE_RESOURCE_KIND, (record, context) =>
  withNetworkLock(record.id, async () => {
    await releaseBridge(record.id, context.container, context.mode);
  }),
);
registerResourceDisposer(LEASE_RESOURCE_KIND, async (record, context) => {
  const bridge = String(record.info?.bridge ?? "");
  if (!bridge) return;
  await withNetworkLock(bridge, () => releaseAddress(bridge, record.id, context.container));
});
