import { describe, expect, it } from "vitest";
import {
  describeInterface,
  interfacesSide,
  netDevSide,
  netNamespaceSide,
  routesSide,
} from "../../../../src/kernel-helpers/index.js";
import {
  countProcNetEntries,
  parseIpAddrJson,
  parseIpRouteJson,
  parseProcNetDev,
} from "../../../../src/lib/inspect/index.js";

// Captured on Debian 12 (iproute2 6.1): a fresh network namespace, then a veth end with an address.
const FRESH_NETNS_ADDR = `[{"ifindex":1,"ifname":"lo","flags":["LOOPBACK"],"mtu":65536,"qdisc":"noop","operstate":"DOWN","group":"default","txqlen":1000,"link_type":"loopback","address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00","addr_info":[]}]`;
const VETH_ADDR = `[{"ifindex":2,"link_index":2,"ifname":"nsb05-c","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"operstate":"UP","link_type":"ether","address":"e2:0d:67:f2:37:16","link_netnsid":0,"linkinfo":{"info_kind":"veth"},"addr_info":[{"family":"inet","local":"198.51.100.1","prefixlen":24,"scope":"global","label":"nsb05-c"},{"family":"inet6","local":"fe80::e00d:67ff:fef2:3716","prefixlen":64,"scope":"link"}]}]`;
const HOST_ROUTES = `[{"dst":"default","gateway":"192.0.2.1","dev":"eth0","flags":[]},{"dst":"192.0.2.0/24","dev":"eth0","protocol":"kernel","scope":"link","prefsrc":"192.0.2.2","flags":[]}]`;
const NET_DEV = [
  "Inter-|   Receive                                                |  Transmit",
  " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed",
  "    lo:     504       6    0    0    0     0          0         0      504       6    0    0    0     0       0          0",
  "",
].join("\n");

describe("countProcNetEntries", () => {
  it("counts the lines of a /proc/net table after its header", () => {
    const tcp = [
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
      "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0",
      "   1: 0100007F:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0 100 0 0 10 0",
      "",
    ].join("\n");
    expect(countProcNetEntries(tcp)).toBe(2);
  });

  it("counts an empty namespace's table (header only) and an empty file as 0", () => {
    expect(countProcNetEntries("Num       RefCount Protocol Flags    Type St Inode Path\n")).toBe(0);
    expect(countProcNetEntries("")).toBe(0);
  });
});

describe("interfaces and routes as comparison sides", () => {
  it("describes a fresh namespace's loopback as down without an address", () => {
    const [lo] = parseIpAddrJson(FRESH_NETNS_ADDR);
    expect(lo && describeInterface(lo, "en")).toBe("DOWN · no address");
    expect(lo && describeInterface(lo, "ja")).toBe("DOWN · アドレスなし");
  });

  it("names a veth end's kind and lists its addresses with prefix lengths", () => {
    expect(interfacesSide(parseIpAddrJson(VETH_ADDR), "en")).toEqual([
      ["nsb05-c", "UP · veth · 198.51.100.1/24, fe80::e00d:67ff:fef2:3716/64"],
    ]);
  });

  it("keys routes by destination, with device, gateway and preferred source", () => {
    expect(routesSide(parseIpRouteJson(HOST_ROUTES), "en")).toEqual([
      ["default", "dev eth0 · via 192.0.2.1"],
      ["192.0.2.0/24", "dev eth0 · src 192.0.2.2"],
    ]);
  });

  it("shows /proc/net/dev counters as packets and bytes per direction", () => {
    expect(netDevSide(parseProcNetDev(NET_DEV), "en")).toEqual([
      ["lo", "rx 6 packets (504 B) · tx 6 packets (504 B)"],
    ]);
  });
});

describe("netNamespaceSide", () => {
  it("lists what an empty namespace holds as (none) and zero sockets", () => {
    const side = netNamespaceSide(
      {
        inode: 4026532253,
        interfaces: parseIpAddrJson(FRESH_NETNS_ADDR),
        routes: [],
        sockets: { tcp: 0, udp: 0, unix: 0 },
      },
      "en",
    );
    expect(side).toEqual([
      ["network namespace", "net:[4026532253]"],
      ["interfaces", "lo"],
      ["IP addresses", "(none)"],
      ["routes (main table)", "(none)"],
      ["TCP sockets", 0],
      ["UDP sockets", 0],
      ["Unix sockets", 0],
    ]);
  });
});
