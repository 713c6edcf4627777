// What notebooks read from the output of commands typed in a container: `ip link` (05) and `ls /` (07, 09).
import { describe, expect, it } from "vitest";
import { interfaceNames, rootListing } from "../../../../src/kernel-helpers/index.js";

describe("reading the typed lines' output", () => {
  it("names the interfaces of ip link output, veth peers without their @ifN", () => {
    const out =
      "1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n" +
      "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n" +
      "5: veth0@if4: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN\n";
    expect(interfaceNames(out)).toEqual(["lo", "veth0"]);
  });

  it("takes the ls / line from what the typed lines printed", () => {
    expect(rootListing("container-1\nbin dev etc\nPID USER\n")).toBe("bin dev etc");
  });
});
