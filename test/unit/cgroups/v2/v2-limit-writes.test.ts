import { describe, expect, it } from "vitest";
import { validateLimits } from "../../../../src/lib/cgroups/limits/index.js";
import { v2LimitWrites } from "../../../../src/lib/cgroups/v2/v2-limit-writes.js";

describe("v2LimitWrites", () => {
  it("writes memory.max, swap alone, cpu.max as quota and period, cpu.weight and pids.max", () => {
    const w = v2LimitWrites(validateLimits({ memory: "32M", swap: 0, cpus: "20%", cpuShares: 512, pids: 5 }));
    expect(w.map((x) => `${x.file}=${x.value}`)).toEqual([
      "memory.max=33554432",
      "memory.swap.max=0",
      "cpu.max=20000 100000",
      "cpu.weight=59",
      "pids.max=5",
    ]);
  });

  it("writes nothing for no limits", () => {
    expect(v2LimitWrites({})).toEqual([]);
  });
});
