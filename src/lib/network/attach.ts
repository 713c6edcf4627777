// Plugging a container into the host's bridge: a veth pair, one end on the bridge, the other moved into the
// container's network namespace and renamed eth0, with an address from the bridge's subnet and a default route.

import { currentScope, scopeText } from "../core/paths.js";
import type { NewResource } from "../core/resource-registry.js";
import type { ContainerPrivilege } from "../privilege/index.js";
import { BRIDGE_RESOURCE_KIND, ensureBridge } from "./bridge.js";
import {
  addAddressArgv,
  addVethArgv,
  attachToBridgeArgv,
  defaultRouteArgv,
  inNetnsArgv,
  linkUpArgv,
  moveToNetnsArgv,
  renameLinkArgv,
} from "./ip-argv.js";
import { leaseAddress, withNetworkLock } from "./ipam.js";
import { CONTAINER_INTERFACE, vethHostName, vethPeerName } from "./link-names.js";
import { type BridgeOptions, resolveBridgeOptions } from "./network-options.js";
import { runIp } from "./run-ip.js";
import { bridgeForContainer } from "./scope-network.js";
import { gatewayAddress } from "./subnet.js";

/** Kind of the registry record of a leased address (id: the address; info.bridge: its bridge). */
export const LEASE_RESOURCE_KIND = "ip-lease";

/** Kind of the registry record of the veth (the built-in "link" disposer deletes it, and so both ends). */
export const VETH_RESOURCE_KIND = "link";

/** A container's place on a bridge network. */
export interface ContainerNetwork {
  bridge: string;
  /** The container's address on eth0, e.g. "10.213.0.2". */
  address: string;
  prefixLength: number;
  /** The bridge's address: the container's default gateway. */
  gateway: string;
  /** Host-side end of the veth pair (plugged into the bridge), e.g. "nsb1a2b3c4d". */
  hostInterface: string;
  /** Name of the container-side end inside the container. */
  containerInterface: string;
}

/** One command of the set-up, with what it is for. */
export interface SetupStep {
  what: string;
  argv: string[];
}

/**
 * The commands that give a container eth0 on the bridge, in order (pure): the veth pair made on the host, one
 * end moved into the namespace of process `pid`, the other plugged into the bridge, then - run with the host's
 * `ip` inside the container's network namespace - the rename to eth0, the address, the links up, the route.
 */
export function vethSetupPlan(network: ContainerNetwork, pid: number): SetupStep[] {
  const { hostInterface, bridge, address, prefixLength, gateway, containerInterface: eth0 } = network;
  const peer = vethPeerName(hostInterface);
  const inside = (argv: string[]) => inNetnsArgv(pid, argv);
  return [
    { what: "create a veth pair", argv: addVethArgv(hostInterface, peer) },
    { what: "move one end into the container's network namespace", argv: moveToNetnsArgv(peer, pid) },
    { what: "plug the other end into the bridge", argv: attachToBridgeArgv(hostInterface, bridge) },
    { what: "bring the host end up", argv: linkUpArgv(hostInterface) },
    { what: `rename the container end to ${eth0}`, argv: inside(renameLinkArgv(peer, eth0)) },
    { what: `give ${eth0} its address`, argv: inside(addAddressArgv(eth0, address, prefixLength)) },
    { what: `bring ${eth0} up`, argv: inside(linkUpArgv(eth0)) },
    { what: "bring lo up", argv: inside(linkUpArgv("lo")) },
    { what: "route everything else via the bridge", argv: inside(defaultRouteArgv(gateway)) },
  ];
}

/** What {@link attachToBridge} needs to know about the container. */
export interface AttachTarget {
  container: string;
  createdAt: string;
  /** Host PID of a process in the container's network namespace (its init). */
  pid: number;
  mode: ContainerPrivilege;
  /** Records a resource in the container's registry before it is created. */
  record(resource: NewResource): Promise<void>;
}

/** Options for {@link attachToBridge}. */
export interface AttachOptions extends BridgeOptions {
  /** Called with each command's argv just before it runs (a notebook shows them). */
  onCommand?: (argv: readonly string[]) => void;
}

/**
 * Gives the container eth0 on the bridge: ensures the bridge, leases an address, then creates the veth pair,
 * moves one end into the container's namespace, and configures it there with the host's `ip` (through
 * nsenter --net, so the container's rootfs needs no iproute2). Every resource is recorded before it exists.
 */
export async function attachToBridge(
  target: AttachTarget,
  options: AttachOptions = {},
): Promise<ContainerNetwork> {
  // In a learner's scope the default bridge is the scope's own network (scope-network.ts).
  const config = resolveBridgeOptions(await bridgeForContainer(options));
  const { bridge, subnet } = config;
  const { mode, pid } = target;
  const scope = currentScope();
  const address = await withNetworkLock(bridge, async () => {
    await target.record({ kind: BRIDGE_RESOURCE_KIND, id: bridge, info: { subnet: subnet.cidr } });
    await ensureBridge(config, mode);
    return leaseAddress(config, target.container, (a) =>
      target.record({ kind: LEASE_RESOURCE_KIND, id: a, info: { bridge } }),
    );
  });
  // The scope is part of the hash: two learners' containers of one name never get the same interface name.
  const hostInterface = vethHostName(
    scope ? `${scopeText(scope)}/${target.container}` : target.container,
    target.createdAt,
  );
  const gateway = gatewayAddress(subnet);
  const network: ContainerNetwork = {
    bridge,
    address,
    prefixLength: subnet.prefixLength,
    gateway,
    hostInterface,
    containerInterface: CONTAINER_INTERFACE,
  };
  await target.record({
    kind: VETH_RESOURCE_KIND,
    id: hostInterface,
    info: { bridge, address, prefixLength: subnet.prefixLength, gateway, peer: CONTAINER_INTERFACE },
  });
  for (const step of vethSetupPlan(network, pid)) {
    options.onCommand?.(step.argv);
    await runIp(mode, step.argv, `${step.what} (container "${target.container}")`);
  }
  return network;
}
