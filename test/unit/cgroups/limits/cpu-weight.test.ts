import { describe, expect, it } from "vitest";
import {
  CPU_SHARES_DEFAULT,
  CPU_WEIGHT_DEFAULT,
  cpuSharesToWeight,
  cpuWeightToShares,
} from "../../../../src/lib/cgroups/limits/index.js";

describe("cpuSharesToWeight (runc/crun conversion)", () => {
  it("maps the minimum, the default and the maximum onto each other", () => {
    expect(cpuSharesToWeight(2)).toBe(1);
    expect(cpuSharesToWeight(CPU_SHARES_DEFAULT)).toBe(CPU_WEIGHT_DEFAULT);
    expect(cpuSharesToWeight(262144)).toBe(10000);
  });

  it("keeps 0 as unset and clamps outside the v1 range", () => {
    expect(cpuSharesToWeight(0)).toBe(0);
    expect(cpuSharesToWeight(1)).toBe(1);
    expect(cpuSharesToWeight(1_000_000)).toBe(10000);
  });

  it("matches values of the published curve", () => {
    // ceil(10^((l^2 + 125 l) / 612 - 7/34)), l = log2(shares)
    expect(cpuSharesToWeight(512)).toBe(59);
    expect(cpuSharesToWeight(2048)).toBe(174);
    expect(cpuSharesToWeight(100)).toBe(17);
  });

  it("is monotonic", () => {
    let prev = 0;
    for (let s = 2; s <= 262144; s += 37) {
      const w = cpuSharesToWeight(s);
      expect(w).toBeGreaterThanOrEqual(prev);
      prev = w;
    }
  });
});

describe("cpuWeightToShares", () => {
  it("gives the v1 default for the v2 default", () => {
    expect(cpuWeightToShares(100)).toBe(1024);
    expect(cpuWeightToShares(1)).toBe(2);
    expect(cpuWeightToShares(10000)).toBe(262144);
  });

  it("round-trips every weight through runc's curve", () => {
    for (let w = 1; w <= 10000; w++) expect(cpuSharesToWeight(cpuWeightToShares(w))).toBe(w);
  });
});
