import { describe, expect, it } from "vitest";
import { parseBusyboxApplets, parseBusyboxBanner } from "../../../src/lib/rootfs/index.js";

describe("parseBusyboxBanner", () => {
  it("reads the version and the build description", () => {
    const banner =
      "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\nBusyBox is copyrighted...";
    expect(parseBusyboxBanner(banner)).toBe("1.35.0 (Debian 1:1.35.0-4+deb12u1+b1)");
    expect(parseBusyboxBanner("BusyBox v1.36.1 multi-call binary.")).toBe("1.36.1");
    expect(parseBusyboxBanner("Usage: toybox")).toBeUndefined();
  });
});

describe("parseBusyboxApplets", () => {
  it("reads --list-full with each applet's folder", () => {
    expect(parseBusyboxApplets("bin/ls\nusr/sbin/chroot\nsbin/ip\nlinuxrc\n[\n[[\n")).toEqual([
      { name: "ls", dir: "bin" },
      { name: "chroot", dir: "usr/sbin" },
      { name: "ip", dir: "sbin" },
      { name: "linuxrc", dir: "" },
      { name: "[", dir: "" },
      { name: "[[", dir: "" },
    ]);
  });

  it("ignores blank lines and anything that could be a path trick", () => {
    expect(parseBusyboxApplets("ls\n\n../evil\nbin/../../evil\n.hidden\n..\n")).toEqual([
      { name: "ls", dir: "" },
    ]);
  });
});
