import { describe, expect, it } from "vitest";
import { formatRootfsMarker, parseRootfsMarker, type RootfsMarker } from "../../../src/lib/rootfs/index.js";

describe("rootfs marker", () => {
  it("survives a round trip, quotes included", () => {
    const marker: RootfsMarker = {
      kind: "busybox",
      created: "2025-01-02T03:04:05.000Z",
      source: "/usr/bin/busybox",
      sha256: "f".repeat(64),
      busyboxVersion: '1.35.0 (Debian "odd" $name `x` \\ )',
    };
    const text = formatRootfsMarker(marker);
    expect(text).toMatch(/^# Written by nsbook/);
    expect(text).toContain('NSBOOK_ROOTFS=1\nKIND="busybox"\n');
    expect(parseRootfsMarker(text)).toEqual(marker);
  });

  it("reads unquoted and single-quoted values like os-release", () => {
    expect(
      parseRootfsMarker("NSBOOK_ROOTFS=1\nKIND=alpine\nALPINE_VERSION='3.20.3'\nARCH=x86_64\nCREATED=t\n"),
    ).toEqual({
      kind: "alpine",
      alpineVersion: "3.20.3",
      arch: "x86_64",
      created: "t",
    });
  });

  it("is not fooled by an os-release or an unknown kind", () => {
    expect(parseRootfsMarker('NAME="Alpine Linux"\nID=alpine\n')).toBeUndefined();
    expect(parseRootfsMarker("NSBOOK_ROOTFS=1\nKIND=docker\n")).toBeUndefined();
  });
});
