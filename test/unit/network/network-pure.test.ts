// The pure parts of bridge networking: subnets, options, names, argv, address picking, ping and leftovers.
import { describe, expect, it } from "vitest";
import { parsePublish } from "../../../src/cli/commands/network.js";
import { networkFromFlags } from "../../../src/cli/commands/run-network.js";
import { UsageError } from "../../../src/cli/usage-error.js";
import { normalizeSpec } from "../../../src/lib/container/container-spec.js";
import {
  addVethArgv,
  containerAddresses,
  containerNetwork,
  gatewayAddress,
  inNetnsArgv,
  type LeaseTable,
  moveToNetnsArgv,
  natCommands,
  parseNetworkLeftovers,
  parsePingOutput,
  parseSubnet,
  pickAddress,
  resolveBridgeOptions,
  subnetContains,
  vethHostName,
  vethPeerName,
} from "../../../src/lib/network/index.js";

describe("subnets", () => {
  it("gives the bridge the first address and containers the rest, without network and broadcast", () => {
    const s = parseSubnet("10.213.0.0/24");
    expect(gatewayAddress(s)).toBe("10.213.0.1");
    const hosts = containerAddresses(s);
    expect(hosts[0]).toBe("10.213.0.2");
    expect(hosts.at(-1)).toBe("10.213.0.254");
    expect(hosts).toHaveLength(253);
    expect(subnetContains(s, "10.213.0.77")).toBe(true);
    expect(subnetContains(s, "10.213.1.1")).toBe(false);
  });

  it("refuses a subnet with host bits set and says which one was meant", () => {
    expect(() => parseSubnet("10.213.0.5/24")).toThrow(/did you mean "10.213.0.0\/24"/);
  });

  it("refuses prefixes too small to hold a bridge and a container, and junk", () => {
    expect(() => parseSubnet("10.0.0.0/31")).toThrow(/between 8 and 30/);
    expect(() => parseSubnet("10.0.0/24")).toThrow(/not a subnet/);
    expect(() => parseSubnet("300.0.0.0/24")).toThrow(/not a subnet/);
  });
});

describe("bridge options", () => {
  it("defaults to nsbook0 on 10.213.0.0/24", () => {
    const c = resolveBridgeOptions();
    expect(c.bridge).toBe("nsbook0");
    expect(c.subnet.cidr).toBe("10.213.0.0/24");
  });

  it("refuses a bridge name that is not ours or too long for the kernel, naming the option", () => {
    expect(() => resolveBridgeOptions({ bridge: "br0" })).toThrow(/^bridge: "br0"/);
    expect(() => resolveBridgeOptions({ bridge: "nsbook-far-too-long" })).toThrow(/15 characters/);
    expect(() => resolveBridgeOptions({ subnet: "10.1.2.3/24" })).toThrow(/^subnet: "10.1.2.3\/24"/);
  });
});

describe("interface names and commands", () => {
  it("names the veth ends nsb + 8 hex digits (peer + c), within the kernel's 15 characters", () => {
    const host = vethHostName("nsbook-nb08-a", "2026-01-01T00:00:00.000Z");
    expect(host).toMatch(/^nsb[0-9a-f]{8}$/);
    expect(vethPeerName(host)).toBe(`${host}c`);
    expect(vethPeerName(host).length).toBeLessThanOrEqual(15);
    expect(vethHostName("nsbook-nb08-a", "2026-01-01T00:00:01.000Z")).not.toBe(host);
  });

  it("builds the ip commands of the course's next steps", () => {
    expect(addVethArgv("veth0", "veth1")).toEqual([
      "ip",
      "link",
      "add",
      "veth0",
      "type",
      "veth",
      "peer",
      "name",
      "veth1",
    ]);
    expect(moveToNetnsArgv("veth1", 42)).toEqual(["ip", "link", "set", "veth1", "netns", "42"]);
    expect(inNetnsArgv(42, ["ip", "link", "set", "lo", "up"])).toEqual([
      "nsenter",
      "--target",
      "42",
      "--net",
      "--",
      "ip",
      "link",
      "set",
      "lo",
      "up",
    ]);
  });
});

describe("address picking", () => {
  const config = resolveBridgeOptions({ subnet: "10.9.0.0/29" });
  const table = (leases: Record<string, string>): LeaseTable => ({
    version: 1,
    bridge: "nsbook0",
    subnet: "10.9.0.0/29",
    leases,
  });

  it("hands out the lowest free address, and a container its own lease again", () => {
    expect(pickAddress(config, table({}), "a")).toBe("10.9.0.2");
    expect(pickAddress(config, table({ "10.9.0.2": "a", "10.9.0.4": "c" }), "b")).toBe("10.9.0.3");
    expect(pickAddress(config, table({ "10.9.0.2": "a", "10.9.0.3": "b" }), "b")).toBe("10.9.0.3");
  });

  it("says when the subnet is full", () => {
    const full = Object.fromEntries(containerAddresses(config.subnet).map((a, i) => [a, `c${i}`]));
    expect(pickAddress(config, table(full), "new")).toBeUndefined();
  });
});

describe("container records", () => {
  it("reads the container's address, gateway and host interface back from its veth record", () => {
    const net = containerNetwork({
      resources: [
        { kind: "bridge", id: "nsbook0", recordedAt: "" },
        { kind: "ip-lease", id: "10.213.0.2", info: { bridge: "nsbook0" }, recordedAt: "" },
        {
          kind: "link",
          id: "nsb01234567",
          info: {
            bridge: "nsbook0",
            address: "10.213.0.2",
            prefixLength: 24,
            gateway: "10.213.0.1",
            peer: "eth0",
          },
          recordedAt: "",
        },
      ],
    });
    expect(net).toEqual({
      bridge: "nsbook0",
      address: "10.213.0.2",
      prefixLength: 24,
      gateway: "10.213.0.1",
      hostInterface: "nsb01234567",
      containerInterface: "eth0",
    });
    expect(containerNetwork({ resources: [] })).toBeUndefined();
  });

  it("accepts network bridge only with a net namespace, and keeps it out of the spec by default", () => {
    const base = { name: "n1", command: ["true"] };
    expect(normalizeSpec(base, "/r", ["sh"]).network).toBeUndefined();
    expect(normalizeSpec({ ...base, network: "bridge" }, "/r", ["sh"]).network).toBe("bridge");
    expect(() =>
      normalizeSpec({ ...base, network: "bridge", namespaces: ["pid", "mount"] }, "/r", ["sh"]),
    ).toThrow(/add "net" to namespaces/);
    expect(() => normalizeSpec({ ...base, network: "host" as never }, "/r", ["sh"])).toThrow(
      /^network: "host"/,
    );
  });
});

describe("ping output", () => {
  it("reads busybox's summary and round-trip time", () => {
    const ok =
      "PING 10.213.0.3 (10.213.0.3): 56 data bytes\n64 bytes from 10.213.0.3: seq=0 ttl=64 time=0.071 ms\n\n" +
      "--- 10.213.0.3 ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\n" +
      "round-trip min/avg/max = 0.071/0.071/0.071 ms\n";
    expect(parsePingOutput(ok)).toEqual({ transmitted: 1, received: 1, rttMs: 0.071 });
    const lost =
      "--- 10.213.0.9 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n";
    expect(parsePingOutput(lost)).toEqual({ transmitted: 1, received: 0 });
    expect(parsePingOutput("ping: sendto: Network unreachable\n")).toEqual({ transmitted: 0, received: 0 });
  });
});

describe("leftovers", () => {
  it("finds our bridges, veths and named netns, and nothing else", () => {
    const links = JSON.stringify([
      { ifindex: 1, ifname: "lo", flags: [], mtu: 65536, operstate: "UNKNOWN", link_type: "loopback" },
      {
        ifindex: 5,
        ifname: "nsbook0",
        flags: [],
        mtu: 1500,
        operstate: "UP",
        link_type: "ether",
        linkinfo: { info_kind: "bridge" },
      },
      {
        ifindex: 6,
        ifname: "nsb0123abcd",
        flags: [],
        mtu: 1500,
        operstate: "UP",
        link_type: "ether",
        linkinfo: { info_kind: "veth" },
      },
      {
        ifindex: 7,
        ifname: "veth0",
        flags: [],
        mtu: 1500,
        operstate: "UP",
        link_type: "ether",
        linkinfo: { info_kind: "veth" },
      },
    ]);
    expect(parseNetworkLeftovers(links, "nsbook-nb05 (id: 0)\nother\n")).toEqual({
      bridges: ["nsbook0"],
      veths: ["nsb0123abcd"],
      netns: ["nsbook-nb05"],
    });
  });
});

describe("NAT commands", () => {
  it("prints masquerade, a DNAT per published port, and the undo, without running anything", () => {
    const steps = natCommands({
      bridge: "nsbook0",
      subnet: parseSubnet("10.213.0.0/24"),
      outInterface: "eth0",
      publish: [{ hostPort: 8080, containerAddress: "10.213.0.2", containerPort: 80 }],
    });
    const lines = steps.map((s) => s.argv.join(" "));
    expect(lines[0]).toBe("sysctl -w net.ipv4.ip_forward=1");
    expect(lines.some((l) => l.includes("saddr 10.213.0.0/24 oifname eth0 masquerade"))).toBe(true);
    expect(lines.some((l) => l.includes("tcp dport 8080 dnat to 10.213.0.2:80"))).toBe(true);
    expect(lines.at(-1)).toBe("nft delete table ip nsbook");
    expect(() =>
      natCommands({
        bridge: "nsbook0",
        subnet: parseSubnet("10.213.0.0/24"),
        outInterface: "eth0",
        publish: [{ hostPort: 0, containerAddress: "10.213.0.2", containerPort: 80 }],
      }),
    ).toThrow(/hostPort: 0/);
  });
});

describe("nsbook run --net", () => {
  it("turns the flags into container options and refuses bad combinations as usage errors", () => {
    expect(networkFromFlags({}, "u")).toEqual({});
    expect(networkFromFlags({ net: "none" }, "u")).toEqual({ network: "none" });
    expect(networkFromFlags({ net: "bridge", subnet: "10.9.0.0/24" }, "u")).toEqual({
      network: "bridge",
      bridge: { subnet: "10.9.0.0/24" },
    });
    expect(() => networkFromFlags({ net: "host" }, "u")).toThrow(UsageError);
    expect(() => networkFromFlags({ bridge: "nsbx" }, "u")).toThrow(/need --net bridge/);
  });
});

describe("container options", () => {
  it("refuses a bad bridge name or subnet before anything starts", () => {
    const base = { name: "n1", command: ["true"], network: "bridge" as const };
    expect(() => normalizeSpec({ ...base, bridge: { subnet: "10.0.0.1/24" } }, "/r", ["sh"])).toThrow(
      /^subnet: "10.0.0.1\/24"/,
    );
    expect(() => normalizeSpec({ ...base, bridge: { name: "docker0" } }, "/r", ["sh"])).toThrow(
      /^bridge: "docker0"/,
    );
    expect(normalizeSpec({ ...base, bridge: { name: "nsbx" } }, "/r", ["sh"]).bridge).toEqual({
      name: "nsbx",
    });
  });
});

describe("nsbook network nat --publish", () => {
  it("reads HOSTPORT:CONTAINER:PORT and refuses anything else", () => {
    expect(parsePublish("8080:web:80")).toEqual({ hostPort: 8080, container: "web", containerPort: 80 });
    expect(parsePublish("8080:10.213.0.2:80")).toEqual({
      hostPort: 8080,
      container: "10.213.0.2",
      containerPort: 80,
    });
    expect(() => parsePublish("80")).toThrow(UsageError);
  });
});
