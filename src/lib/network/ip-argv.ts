// The `ip` (iproute2) commands that build a bridge network, as argv arrays: pure, so each is shown and tested.

/** `ip link add BRIDGE type bridge`: a virtual switch on the host. */
export function addBridgeArgv(bridge: string): string[] {
  return ["ip", "link", "add", bridge, "type", "bridge"];
}

/** `ip addr add ADDRESS/LEN dev DEV`. */
export function addAddressArgv(device: string, address: string, prefixLength: number): string[] {
  return ["ip", "addr", "add", `${address}/${prefixLength}`, "dev", device];
}

/** `ip link set DEV up`. */
export function linkUpArgv(device: string): string[] {
  return ["ip", "link", "set", device, "up"];
}

/** `ip link add HOST type veth peer name PEER`: two interfaces joined like the ends of a cable. */
export function addVethArgv(hostName: string, peerName: string): string[] {
  return ["ip", "link", "add", hostName, "type", "veth", "peer", "name", peerName];
}

/** `ip link set DEV netns PID`: moves an interface into the network namespace of process PID. */
export function moveToNetnsArgv(device: string, pid: number): string[] {
  return ["ip", "link", "set", device, "netns", String(pid)];
}

/** `ip link set DEV master BRIDGE`: plugs an interface into the bridge. */
export function attachToBridgeArgv(device: string, bridge: string): string[] {
  return ["ip", "link", "set", device, "master", bridge];
}

/** `ip link set OLD name NEW` (the interface must be down). */
export function renameLinkArgv(from: string, to: string): string[] {
  return ["ip", "link", "set", from, "name", to];
}

/** `ip route add default via GATEWAY`. */
export function defaultRouteArgv(gateway: string): string[] {
  return ["ip", "route", "add", "default", "via", gateway];
}

/** `ip link delete DEV` (deleting one end of a veth deletes both). */
export function deleteLinkArgv(device: string): string[] {
  return ["ip", "link", "delete", device];
}

/** `ip -d -j link show dev DEV`: one interface as JSON, details (its kind) included. */
export function showLinkArgv(device: string): string[] {
  return ["ip", "-d", "-j", "addr", "show", "dev", device];
}

/** `ip -j link show master BRIDGE`: the interfaces plugged into a bridge. */
export function bridgePortsArgv(bridge: string): string[] {
  return ["ip", "-j", "link", "show", "master", bridge];
}

/** `nsenter --target PID --net -- ARGV`: the host's `ip` run in the container's network namespace. */
export function inNetnsArgv(pid: number, argv: readonly string[]): string[] {
  return ["nsenter", "--target", String(pid), "--net", "--", ...argv];
}
