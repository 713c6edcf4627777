import { describe, expect, it } from "vitest";
import { parseProcNetDev } from "../../../src/lib/inspect/index.js";
import { fixture } from "./fixture.js";

describe("parseProcNetDev", () => {
  it("reads receive and transmit counters per interface", () => {
    const rows = parseProcNetDev(fixture("net-dev-netns.txt"));
    expect(rows.map((r) => r.interface)).toEqual(["lo", "nsbcap1"]);
    const veth = rows[1];
    expect(veth?.receive.bytes).toBeGreaterThanOrEqual(0);
    expect(Object.keys(veth?.receive ?? {})).toEqual([
      "bytes",
      "packets",
      "errors",
      "dropped",
      "fifo",
      "frame",
      "compressed",
      "multicast",
    ]);
    expect(Object.keys(veth?.transmit ?? {})).toEqual([
      "bytes",
      "packets",
      "errors",
      "dropped",
      "fifo",
      "collisions",
      "carrier",
      "compressed",
    ]);
  });

  it("shows only lo in a fresh network namespace (step 5's check) and every device on the host", () => {
    expect(parseProcNetDev(fixture("net-dev-empty-netns.txt")).map((r) => r.interface)).toEqual(["lo"]);
    const host = parseProcNetDev(fixture("net-dev-host.txt"));
    expect(host.map((r) => r.interface)).toContain("eth0");
    expect(host.find((r) => r.interface === "eth0")?.receive.bytes).toBeGreaterThan(0);
  });

  it("reads exact numbers, column by column", () => {
    const text = [
      "Inter-|   Receive                                                |  Transmit",
      " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed",
      "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16",
    ].join("\n");
    expect(parseProcNetDev(text)).toEqual([
      {
        interface: "eth0",
        receive: {
          bytes: 1,
          packets: 2,
          errors: 3,
          dropped: 4,
          fifo: 5,
          frame: 6,
          compressed: 7,
          multicast: 8,
        },
        transmit: {
          bytes: 9,
          packets: 10,
          errors: 11,
          dropped: 12,
          fifo: 13,
          collisions: 14,
          carrier: 15,
          compressed: 16,
        },
      },
    ]);
  });

  it("rejects a line without 16 counters, quoting it", () => {
    expect(() => parseProcNetDev("h1\nh2\n  lo: 1 2 3\n")).toThrow(
      /not a \/proc\/net\/dev line: " {2}lo: 1 2 3"/,
    );
  });
});
