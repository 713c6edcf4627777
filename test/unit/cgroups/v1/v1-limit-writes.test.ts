import { describe, expect, it } from "vitest";
import { validateLimits } from "../../../../src/lib/cgroups/limits/index.js";
import { v1LimitWrites } from "../../../../src/lib/cgroups/v1/v1-limit-writes.js";

const files = (w: { file: string; value: string }[]) => w.map((x) => `${x.file}=${x.value}`);

describe("v1LimitWrites", () => {
  it("writes memory, the CFS period before the quota, shares and pids.max", () => {
    const w = v1LimitWrites(validateLimits({ memory: "32M", cpus: 0.2, cpuWeight: 100, pids: 5 }));
    expect(files(w)).toEqual([
      "memory.limit_in_bytes=33554432",
      "cpu.cfs_period_us=100000",
      "cpu.cfs_quota_us=20000",
      "cpu.shares=1024",
      "pids.max=5",
    ]);
    expect(w.map((x) => x.controller)).toEqual(["memory", "cpu", "cpu", "cpu", "pids"]);
  });

  it("writes swap as memory+swap, after memory when memsw is unlimited", () => {
    expect(files(v1LimitWrites(validateLimits({ memory: "32M", swap: "16M" })))).toEqual([
      "memory.limit_in_bytes=33554432",
      "memory.memsw.limit_in_bytes=50331648",
    ]);
  });

  it("raises memsw first when the new memory limit is above the current memsw limit", () => {
    const w = v1LimitWrites(validateLimits({ memory: "64M", swap: 0 }), { memswLimitBytes: 32 * 1024 ** 2 });
    expect(files(w)).toEqual(["memory.memsw.limit_in_bytes=67108864", "memory.limit_in_bytes=67108864"]);
  });

  it("writes nothing for no limits", () => {
    expect(v1LimitWrites({})).toEqual([]);
  });
});
