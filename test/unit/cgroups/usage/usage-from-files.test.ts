import { describe, expect, it } from "vitest";
import { usageFromV1Files } from "../../../../src/lib/cgroups/v1/v1-usage.js";
import { usageFromV2Files } from "../../../../src/lib/cgroups/v2/v2-usage.js";
import { V1_AFTER_LIMITS, V1_OOM_CONTROL_OLD, V1_UNLIMITED } from "../fixtures/v1-files.js";
import { V2_AFTER_LIMITS, V2_CPU_STAT_CORE_ONLY, V2_UNLIMITED } from "../fixtures/v2-files.js";

describe("one usage sample on v1 and v2", () => {
  it("reads v1 files in bytes and microseconds (cpuacct.usage and throttled_time are nanoseconds)", () => {
    expect(usageFromV1Files(V1_AFTER_LIMITS)).toEqual({
      memoryBytes: 1437696,
      memoryPeakBytes: 33554432,
      memoryLimitBytes: 33554432,
      memoryLimitHits: 41,
      oomKills: 1,
      cpuUsageUs: 245119,
      cpuPeriods: 12,
      cpuThrottledPeriods: 12,
      cpuThrottledUs: 827646,
      cpuQuotaUs: 20000,
      cpuPeriodUs: 100000,
      pidsCurrent: 4,
      pidsLimit: 5,
      pidsLimitHits: 1,
    });
  });

  it("reads v2 files into the same fields and units", () => {
    expect(usageFromV2Files(V2_AFTER_LIMITS)).toEqual({
      memoryBytes: 1175552,
      memoryPeakBytes: 33554432,
      memoryLimitBytes: 33554432,
      memoryLimitHits: 143,
      oomKills: 1,
      cpuUsageUs: 4850212,
      cpuPeriods: 247,
      cpuThrottledPeriods: 244,
      cpuThrottledUs: 32269748,
      cpuQuotaUs: 20000,
      cpuPeriodUs: 100000,
      pidsCurrent: 4,
      pidsLimit: 5,
      pidsLimitHits: 1,
    });
  });

  it("gives the same set of fields on both versions", () => {
    expect(Object.keys(usageFromV1Files(V1_AFTER_LIMITS)).sort()).toEqual(
      Object.keys(usageFromV2Files(V2_AFTER_LIMITS)).sort(),
    );
  });

  it("leaves limits out when there are none", () => {
    for (const s of [usageFromV1Files(V1_UNLIMITED), usageFromV2Files(V2_UNLIMITED)]) {
      expect(s.memoryLimitBytes).toBeUndefined();
      expect(s.cpuQuotaUs).toBeUndefined();
      expect(s.pidsLimit).toBeUndefined();
      expect(s).toMatchObject({ memoryBytes: 0, oomKills: 0, cpuUsageUs: 0, cpuPeriodUs: 100000 });
    }
  });

  it("leaves out what a host does not serve", () => {
    expect(usageFromV2Files({ "cpu.stat": V2_CPU_STAT_CORE_ONLY })).toEqual({ cpuUsageUs: 81234 });
    expect(usageFromV1Files({ "pids.current": "3\n" })).toEqual({ pidsCurrent: 3 });
    expect(usageFromV2Files({})).toEqual({});
  });

  it("counts v1 limit hits of memory+swap too (with swap 0 they land in memsw.failcnt)", () => {
    const files = { ...V1_AFTER_LIMITS, "memory.failcnt": "0\n", "memory.memsw.failcnt": "57\n" };
    expect(usageFromV1Files(files).memoryLimitHits).toBe(57);
  });

  it("has no OOM count on v1 kernels before 4.13", () => {
    expect(usageFromV1Files({ "memory.oom_control": V1_OOM_CONTROL_OLD }).oomKills).toBeUndefined();
  });

  it("reports a malformed file instead of guessing", () => {
    expect(() => usageFromV2Files({ "memory.current": "lots\n" })).toThrow(/not a number/);
  });
});
