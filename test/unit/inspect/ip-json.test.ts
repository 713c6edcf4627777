import { describe, expect, it } from "vitest";
import { parseIpAddrJson, parseIpRouteJson } from "../../../src/lib/inspect/index.js";
import { fixture } from "./fixture.js";

describe("parseIpAddrJson", () => {
  it("reads the host's interfaces with flags, state, MTU and addresses of both families", () => {
    const ifs = parseIpAddrJson(fixture("ip-addr-host.json"));
    expect(ifs.map((i) => i.name)).toContain("lo");
    const lo = ifs.find((i) => i.name === "lo");
    expect(lo).toMatchObject({ index: 1, up: true, operState: "UNKNOWN", mtu: 65536, linkType: "loopback" });
    expect(lo?.addresses).toEqual([
      { family: "inet", address: "127.0.0.1", prefixLength: 8, scope: "host", label: "lo" },
      { family: "inet6", address: "::1", prefixLength: 128, scope: "host" },
    ]);
    const eth0 = ifs.find((i) => i.name === "eth0");
    expect(eth0?.addresses.find((a) => a.family === "inet")).toMatchObject({
      broadcast: "192.0.2.255",
      prefixLength: 24,
    });
    expect(ifs.find((i) => i.name === "ifb0")).toMatchObject({
      kind: "ifb",
      up: false,
      operState: "DOWN",
      addresses: [],
    });
  });

  it("reads a veth's kind, peer index and the peer namespace's id on both ends", () => {
    const [hostEnd] = parseIpAddrJson(fixture("ip-addr-veth-host.json"));
    const netns = parseIpAddrJson(fixture("ip-addr-netns.json"));
    const nsEnd = netns.find((i) => i.name === "nsbcap1");
    expect(hostEnd).toMatchObject({ name: "nsbcap0", kind: "veth", peerNetnsId: 0 });
    expect(nsEnd).toMatchObject({ kind: "veth", peerNetnsId: 0 });
    expect(hostEnd?.peerIndex).toBe(nsEnd?.index);
    expect(nsEnd?.peerIndex).toBe(hostEnd?.index);
    expect(nsEnd?.addresses[0]).toMatchObject({ family: "inet", address: "10.250.0.2", prefixLength: 30 });
  });

  it("shows a fresh network namespace as only a loopback that is down, without addresses", () => {
    expect(parseIpAddrJson(fixture("ip-addr-empty-netns.json"))).toEqual([
      {
        index: 1,
        name: "lo",
        flags: ["LOOPBACK"],
        up: false,
        operState: "DOWN",
        mtu: 65536,
        linkType: "loopback",
        macAddress: "00:00:00:00:00:00",
        addresses: [],
      },
    ]);
  });

  it("reads `ip -j link` output too (no addresses there)", () => {
    const links = parseIpAddrJson(fixture("ip-link-netns.json"));
    expect(links.map((l) => [l.name, l.addresses.length])).toEqual([
      ["lo", 0],
      ["nsbcap1", 0],
    ]);
  });

  it("treats no output as no interfaces and rejects what is not a JSON list of objects", () => {
    expect(parseIpAddrJson("\n")).toEqual([]);
    expect(() => parseIpAddrJson("1: lo: <LOOPBACK,UP>")).toThrow(/`ip -j addr` did not print JSON/);
    expect(() => parseIpAddrJson('{"ifname":"lo"}')).toThrow(/not a list of objects/);
  });
});

describe("parseIpRouteJson", () => {
  it("reads a default route with its gateway and a kernel route with its source", () => {
    expect(parseIpRouteJson(fixture("ip-route-host.json"))).toEqual([
      { destination: "default", gateway: "192.0.2.1", device: "eth0" },
      {
        destination: "192.0.2.0/24",
        device: "eth0",
        protocol: "kernel",
        scope: "link",
        preferredSource: "192.0.2.2",
      },
    ]);
  });

  it("shows a namespace with only its veth's link route", () => {
    expect(parseIpRouteJson(fixture("ip-route-netns.json"))).toEqual([
      {
        destination: "10.250.0.0/30",
        device: "nsbcap1",
        protocol: "kernel",
        scope: "link",
        preferredSource: "10.250.0.2",
      },
    ]);
  });
});
