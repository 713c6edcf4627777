// The host's bridge: created on first use, removed when no container records it any more.

import { forgetResource } from "../core/resource-registry.js";
import { listContainerNames, readStoredState } from "../core/state.js";
import { NsbookError } from "../errors/index.js";
import { type NetworkInterface, parseIpAddrJson } from "../inspect/ip-json.js";
import type { ContainerPrivilege } from "../privilege/index.js";
import {
  addAddressArgv,
  addBridgeArgv,
  bridgePortsArgv,
  deleteLinkArgv,
  linkUpArgv,
  showLinkArgv,
} from "./ip-argv.js";
import { removeLeaseFile } from "./ipam.js";
import type { BridgeConfig } from "./network-options.js";
import { deviceMissing, runIp } from "./run-ip.js";
import { bridgeInScope } from "./scope-network.js";
import { gatewayAddress } from "./subnet.js";

/** Kind of the registry record that says "this container uses bridge <id>". */
export const BRIDGE_RESOURCE_KIND = "bridge";

/** The bridge as the kernel has it; undefined when there is no such interface. */
export async function readBridge(
  name: string,
  mode: ContainerPrivilege = "root",
): Promise<NetworkInterface | undefined> {
  const bridge = await bridgeInScope(name);
  const r = await runIp(mode, showLinkArgv(bridge), `look for bridge ${bridge}`, true);
  if (r.failed) {
    if (deviceMissing(r.stderr)) return undefined;
    await runIp(mode, showLinkArgv(bridge), `look for bridge ${bridge}`);
  }
  return parseIpAddrJson(r.stdout)[0];
}

/**
 * The interfaces plugged into `bridge` (the host ends of the containers' veth pairs). In a learner's scope,
 * "nsbook0" means the scope's own bridge (see scope-network.ts), here and in the other readers below.
 */
export async function readBridgePorts(
  name: string,
  mode: ContainerPrivilege = "root",
): Promise<NetworkInterface[]> {
  const bridge = await bridgeInScope(name);
  const r = await runIp(mode, bridgePortsArgv(bridge), `list the ports of bridge ${bridge}`, true);
  return r.failed ? [] : parseIpAddrJson(r.stdout);
}

/**
 * Makes sure the bridge exists, has the gateway address and is up (call it holding the network lock). An
 * interface of that name that is not a bridge is refused.
 */
export async function ensureBridge(config: BridgeConfig, mode: ContainerPrivilege): Promise<void> {
  const { bridge, subnet } = config;
  const gateway = gatewayAddress(subnet);
  let link = await readBridge(bridge, mode);
  if (!link) {
    const r = await runIp(mode, addBridgeArgv(bridge), `create bridge ${bridge}`, true);
    if (r.failed && !/File exists/.test(r.stderr))
      await runIp(mode, addBridgeArgv(bridge), `create bridge ${bridge}`);
    link = await readBridge(bridge, mode);
  }
  if (link?.kind !== undefined && link.kind !== "bridge") {
    throw new NsbookError(
      "bridge",
      `interface ${bridge} exists and is a ${link.kind}, not a bridge: choose another bridge name`,
    );
  }
  const addresses = link?.addresses.filter((a) => a.family === "inet") ?? [];
  if (!addresses.some((a) => a.address === gateway && a.prefixLength === subnet.prefixLength)) {
    if (addresses.length > 0) {
      throw new NsbookError(
        "bridge",
        `bridge ${bridge} has address ${addresses[0]?.address}/${addresses[0]?.prefixLength}, not ${gateway}/${subnet.prefixLength}: ` +
          "use the subnet it serves, or another bridge name",
      );
    }
    await runIp(mode, addAddressArgv(bridge, gateway, subnet.prefixLength), `address bridge ${bridge}`);
  }
  if (!link?.up) await runIp(mode, linkUpArgv(bridge), `bring bridge ${bridge} up`);
}

/** Names of the containers (other than `except`) whose registry records bridge `bridge`. */
export async function containersUsingBridge(name: string, except?: string): Promise<string[]> {
  const bridge = await bridgeInScope(name);
  const users: string[] = [];
  for (const name of await listContainerNames()) {
    if (name === except) continue;
    const stored = await readStoredState(name).catch(() => undefined);
    if (stored?.state?.resources.some((r) => r.kind === BRIDGE_RESOURCE_KIND && r.id === bridge))
      users.push(name);
  }
  return users;
}

/**
 * Drops `container`'s use of the bridge, and deletes the bridge (and its lease file) when no other container
 * records it: the count of users is read from the containers' states, so it cannot drift from them. Call it
 * holding the network lock: then of two containers removed at once, the second always sees the first's record
 * gone. Idempotent.
 */
export async function releaseBridge(
  bridge: string,
  container: string,
  mode: ContainerPrivilege,
): Promise<boolean> {
  await forgetResource(container, BRIDGE_RESOURCE_KIND, bridge);
  if ((await containersUsingBridge(bridge, container)).length > 0) return false;
  const r = await runIp(mode, deleteLinkArgv(bridge), `delete bridge ${bridge}`, true);
  if (r.failed && !deviceMissing(r.stderr))
    await runIp(mode, deleteLinkArgv(bridge), `delete bridge ${bridge}`);
  await removeLeaseFile(bridge);
  return true;
}

/** The commands that create the bridge (pure): what {@link ensureBridge} runs when there is none yet. */
export function bridgeSetupPlan(config: BridgeConfig): { what: string; argv: string[] }[] {
  const { bridge, subnet } = config;
  return [
    { what: "create the bridge (a virtual switch)", argv: addBridgeArgv(bridge) },
    {
      what: "give it the gateway address",
      argv: addAddressArgv(bridge, gatewayAddress(subnet), subnet.prefixLength),
    },
    { what: "bring it up", argv: linkUpArgv(bridge) },
  ];
}
