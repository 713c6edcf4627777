import { describe, expect, it } from "vitest";
import { cgroupDirName } from "../../../../src/lib/cgroups/manager/cgroup-name.js";

describe("cgroupDirName", () => {
  it("prefixes container names with nsbook-", () => {
    expect(cgroupDirName("web")).toBe("nsbook-web");
    expect(cgroupDirName("nsbook-web")).toBe("nsbook-nsbook-web");
    expect(cgroupDirName("a.b_c-1")).toBe("nsbook-a.b_c-1");
  });

  it("refuses names that are not a plain path component", () => {
    for (const bad of ["", ".", "..", "../x", "a/b", "-x", "x y", "a".repeat(64), "é"]) {
      expect(() => cgroupDirName(bad), bad).toThrow(/cannot name a cgroup/);
    }
  });

  it("keeps nsbook-leaf for the v2 leaf that holds this session's own processes", () => {
    expect(() => cgroupDirName("leaf")).toThrow(/nsbook-leaf is the cgroup v2 leaf/);
    expect(cgroupDirName("leaf2")).toBe("nsbook-leaf2");
  });
});
