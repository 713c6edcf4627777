// Parsers for iproute2's JSON output: `ip -j [-d] addr`, `ip -j [-d] link` and `ip -j route`.

/** One address of an interface ("addr_info" entry). */
export interface InterfaceAddress {
  /** "inet" (IPv4) or "inet6" (IPv6). */
  family: string;
  /** The address, e.g. "10.250.0.2". */
  address: string;
  /** Prefix length in bits, e.g. 24. */
  prefixLength: number;
  /** "host" (loopback), "link" (link-local), "global"... */
  scope?: string;
  broadcast?: string;
  label?: string;
}

/** One network interface. */
export interface NetworkInterface {
  /** Interface index; unique only within its network namespace. */
  index: number;
  /** Name, e.g. "eth0" (without the "@if5" suffix `ip addr` prints for a veth). */
  name: string;
  /** Kernel flags, e.g. ["BROADCAST", "MULTICAST", "UP", "LOWER_UP"]. */
  flags: string[];
  /** Administratively up (the UP flag). */
  up: boolean;
  /** Operational state: "UP", "DOWN", "UNKNOWN" (loopback)... */
  operState: string;
  /** MTU in bytes. */
  mtu: number;
  /** Link layer type: "loopback", "ether", "none"... */
  linkType: string;
  /** Hardware address, e.g. "e6:31:3a:13:0e:9f". */
  macAddress?: string;
  /** Kind of virtual device ("veth", "bridge", "ifb"...), only with `ip -d`. */
  kind?: string;
  /** Name of the bridge it is attached to. */
  master?: string;
  /** For a veth: index of its peer, in the peer's own namespace ("link_index"). */
  peerIndex?: number;
  /**
   * For a veth whose peer is in another namespace: that namespace's id AS NUMBERED BY THIS namespace
   * ("link_netnsid"; `ip netns list-id`), not an inode. Absent when the peer is in the same namespace.
   */
  peerNetnsId?: number;
  /** Addresses; empty for `ip link` output. */
  addresses: InterfaceAddress[];
}

/** One route ("ip -j route" entry). */
export interface Route {
  /** "default" or a prefix such as "10.250.0.0/30". */
  destination: string;
  gateway?: string;
  /** Output interface name. */
  device?: string;
  /** Who added it: "kernel", "boot", "static"... */
  protocol?: string;
  scope?: string;
  /** Source address preferred for this route ("prefsrc"). */
  preferredSource?: string;
  metric?: number;
  /** Route type when not unicast ("unreachable", "local"...). */
  type?: string;
}

type Json = Record<string, unknown>;

function parseArray(text: string, command: string): Json[] {
  // `ip` prints nothing at all (not "[]") for an empty result in some versions.
  if (text.trim() === "") return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new SyntaxError(
      `\`${command}\` did not print JSON (${(e as Error).message}): ${JSON.stringify(text.slice(0, 80))}`,
    );
  }
  if (!Array.isArray(data) || !data.every((x) => typeof x === "object" && x !== null && !Array.isArray(x))) {
    throw new SyntaxError(
      `\`${command}\` printed JSON that is not a list of objects: ${JSON.stringify(text.slice(0, 80))}`,
    );
  }
  return data as Json[];
}

const str = (o: Json, k: string): string | undefined =>
  typeof o[k] === "string" ? (o[k] as string) : undefined;
const num = (o: Json, k: string): number | undefined =>
  typeof o[k] === "number" ? (o[k] as number) : undefined;
const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

function parseAddress(a: Json): InterfaceAddress {
  return {
    family: str(a, "family") ?? "",
    address: str(a, "local") ?? "",
    prefixLength: num(a, "prefixlen") ?? 0,
    ...optional("scope", str(a, "scope")),
    ...optional("broadcast", str(a, "broadcast")),
    ...optional("label", str(a, "label")),
  };
}

function parseInterface(o: Json): NetworkInterface {
  const flags = Array.isArray(o.flags) ? o.flags.filter((f): f is string => typeof f === "string") : [];
  const linkinfo = typeof o.linkinfo === "object" && o.linkinfo !== null ? (o.linkinfo as Json) : undefined;
  const addrInfo = Array.isArray(o.addr_info) ? (o.addr_info as unknown[]) : [];
  return {
    index: num(o, "ifindex") ?? 0,
    name: str(o, "ifname") ?? "",
    flags,
    up: flags.includes("UP"),
    operState: str(o, "operstate") ?? "UNKNOWN",
    mtu: num(o, "mtu") ?? 0,
    linkType: str(o, "link_type") ?? "",
    ...optional("macAddress", str(o, "address")),
    ...optional("kind", linkinfo ? str(linkinfo, "info_kind") : undefined),
    ...optional("master", str(o, "master")),
    ...optional("peerIndex", num(o, "link_index")),
    ...optional("peerNetnsId", num(o, "link_netnsid")),
    addresses: addrInfo
      .filter((a): a is Json => typeof a === "object" && a !== null && typeof (a as Json).local === "string")
      .map(parseAddress),
  };
}

/** Parses the output of `ip -j [-d] addr` or `ip -j [-d] link`; throws a SyntaxError when it is not that. */
export function parseIpAddrJson(text: string): NetworkInterface[] {
  return parseArray(text, "ip -j addr").map(parseInterface);
}

/** Parses the output of `ip -j route`. */
export function parseIpRouteJson(text: string): Route[] {
  return parseArray(text, "ip -j route").map((o) => ({
    destination: str(o, "dst") ?? "",
    ...optional("gateway", str(o, "gateway")),
    ...optional("device", str(o, "dev")),
    ...optional("protocol", str(o, "protocol")),
    ...optional("scope", str(o, "scope")),
    ...optional("preferredSource", str(o, "prefsrc")),
    ...optional("metric", num(o, "metric")),
    ...optional("type", str(o, "type")),
  }));
}
