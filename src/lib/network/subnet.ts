// IPv4 subnets as numbers: parsing "10.213.0.0/24", the bridge's address, the hosts a container may get. Pure.

/** A parsed IPv4 subnet. */
export interface Subnet {
  /** The network address as an unsigned 32-bit number. */
  network: number;
  /** Prefix length in bits (8..30: smaller networks have no room for a bridge and a container). */
  prefixLength: number;
  /** The subnet as written back, e.g. "10.213.0.0/24". */
  cidr: string;
}

/** Whether `text` is a dotted IPv4 address ("10.213.0.1"). */
export function isIpv4(text: string): boolean {
  const parts = text.split(".");
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

/** "10.213.0.1" -> 0x0ad50001; throws on anything else. */
export function ipv4ToNumber(text: string): number {
  if (!isIpv4(text)) throw new Error(`${JSON.stringify(text)} is not an IPv4 address (a.b.c.d)`);
  return text.split(".").reduce((n, p) => n * 256 + Number(p), 0);
}

/** 0x0ad50001 -> "10.213.0.1". */
export function numberToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/**
 * Parses "a.b.c.d/len"; the host bits must be zero ("10.213.0.0/24", not "10.213.0.5/24"). Throws an Error
 * whose message says what is wrong (callers prefix the option's name).
 */
export function parseSubnet(cidr: string): Subnet {
  const m = /^([0-9.]+)\/([0-9]{1,2})$/.exec(cidr);
  if (!m || !isIpv4(m[1] as string))
    throw new Error(`${JSON.stringify(cidr)} is not a subnet like "10.213.0.0/24"`);
  const prefixLength = Number(m[2]);
  if (prefixLength < 8 || prefixLength > 30) {
    throw new Error(`${JSON.stringify(cidr)}: the prefix length must be between 8 and 30`);
  }
  const network = ipv4ToNumber(m[1] as string);
  const size = 2 ** (32 - prefixLength);
  if (network % size !== 0) {
    const fixed = `${numberToIpv4(network - (network % size))}/${prefixLength}`;
    throw new Error(`${JSON.stringify(cidr)} has host bits set: did you mean "${fixed}"?`);
  }
  return { network, prefixLength, cidr };
}

/** Number of addresses in the subnet, network and broadcast included. */
export function subnetSize(subnet: Subnet): number {
  return 2 ** (32 - subnet.prefixLength);
}

/** The first host address: the bridge's, and the containers' default gateway ("10.213.0.1"). */
export function gatewayAddress(subnet: Subnet): string {
  return numberToIpv4(subnet.network + 1);
}

/** Every address a container may get, in order: the gateway, network and broadcast addresses excluded. */
export function containerAddresses(subnet: Subnet): string[] {
  const out: string[] = [];
  for (let i = 2; i < subnetSize(subnet) - 1; i++) out.push(numberToIpv4(subnet.network + i));
  return out;
}

/** Whether `address` lies inside `subnet`. */
export function subnetContains(subnet: Subnet, address: string): boolean {
  if (!isIpv4(address)) return false;
  const n = ipv4ToNumber(address);
  return n >= subnet.network && n < subnet.network + subnetSize(subnet);
}
