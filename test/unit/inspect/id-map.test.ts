import { describe, expect, it } from "vitest";
import {
  formatIdMap,
  insideToOutside,
  outsideToInside,
  parseIdMap,
  parseSetgroups,
} from "../../../src/lib/inspect/index.js";

// As the kernel prints them (columns right-aligned to 10 characters).
const INITIAL = "         0          0 4294967295\n";
const ROOTLESS = "         0       1000          1\n";
const SUBUID = "         0       1000          1\n         1     100000      65536\n";

describe("parseIdMap", () => {
  it("reads the identity map of the initial user namespace", () => {
    expect(parseIdMap(INITIAL)).toEqual([{ inside: 0, outside: 0, count: 4294967295 }]);
  });

  it("reads a rootless one-ID map and a map with a subordinate range", () => {
    expect(parseIdMap(ROOTLESS)).toEqual([{ inside: 0, outside: 1000, count: 1 }]);
    expect(parseIdMap(SUBUID)).toEqual([
      { inside: 0, outside: 1000, count: 1 },
      { inside: 1, outside: 100000, count: 65536 },
    ]);
  });

  it("reads an empty map (a namespace whose map is not written yet) as no ranges", () => {
    expect(parseIdMap("")).toEqual([]);
  });

  it("refuses a line that is not three numbers", () => {
    expect(() => parseIdMap("0 1000\n")).toThrow(/not an ID map line/);
    expect(() => parseIdMap("0 -1 1\n")).toThrow(/not an ID map line/);
  });

  it("prints a map back the way the kernel's columns read", () => {
    expect(formatIdMap(parseIdMap(SUBUID))).toBe("0 1000 1\n1 100000 65536");
  });
});

describe("ID lookups through a map", () => {
  const map = parseIdMap(SUBUID);

  it("maps inside IDs to host IDs, range by range", () => {
    expect(insideToOutside(map, 0)).toBe(1000);
    expect(insideToOutside(map, 1)).toBe(100000);
    expect(insideToOutside(map, 65536)).toBe(165535);
  });

  it("says undefined for an inside ID the namespace does not map", () => {
    expect(insideToOutside(map, 65537)).toBeUndefined();
    expect(insideToOutside(parseIdMap(ROOTLESS), 1)).toBeUndefined();
  });

  it("maps host IDs back inside, and host root to nothing in a rootless namespace", () => {
    expect(outsideToInside(map, 100001)).toBe(2);
    expect(outsideToInside(map, 0)).toBeUndefined();
  });
});

describe("parseSetgroups", () => {
  it("reads allow and deny", () => {
    expect(parseSetgroups("allow\n")).toBe("allow");
    expect(parseSetgroups("deny\n")).toBe("deny");
  });

  it("refuses anything else", () => {
    expect(() => parseSetgroups("maybe\n")).toThrow(/not a setgroups policy/);
  });
});
