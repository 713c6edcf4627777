import { describe, expect, it } from "vitest";
import {
  cpuCorePoints,
  cpuLimitOf,
  memoryLimitMiB,
  memoryPoints,
  throttledPercentPoints,
} from "../../../../src/kernel-helpers/usage-charts/usage-series.js";
import type { UsageSample } from "../../../../src/lib/cgroups/usage/usage-sample.js";

const MiB = 1024 * 1024;
/** 0.2 cores used, every period throttled, 10 Hz for 2 s, starting at t = 1000 s. */
const throttled: UsageSample[] = Array.from({ length: 21 }, (_, i) => ({
  timeMs: 1_000_000 + i * 100,
  memoryBytes: i * MiB,
  memoryLimitBytes: 32 * MiB,
  cpuUsageUs: i * 20_000,
  cpuPeriods: i,
  cpuThrottledPeriods: i,
  cpuQuotaUs: 20_000,
  cpuPeriodUs: 100_000,
}));

describe("usage series", () => {
  it("puts memory in MiB against seconds since the first sample", () => {
    const p = memoryPoints(throttled);
    expect(p[0]).toEqual({ x: 0, y: 0 });
    expect(p[20]).toEqual({ x: 2, y: 20 });
    expect(memoryLimitMiB(throttled)).toBe(32);
  });

  it("gives CPU in cores (CPU-seconds per second) and the quota in cores", () => {
    const p = cpuCorePoints(throttled);
    expect(p).toHaveLength(20);
    for (const { y } of p) expect(y).toBeCloseTo(0.2, 6);
    expect(cpuLimitOf(throttled)).toBe(0.2);
  });

  it("averages over the window, smoothing the on/off rhythm of CFS", () => {
    // Bursts: a whole core for 100 ms, then nothing for 400 ms.
    const bursty: UsageSample[] = Array.from({ length: 21 }, (_, i) => ({
      timeMs: i * 100,
      cpuUsageUs: Math.ceil(i / 5) * 100_000,
    }));
    const raw = cpuCorePoints(bursty, 0).map((p) => p.y);
    expect(Math.max(...raw)).toBeCloseTo(1);
    const smooth = cpuCorePoints(bursty, 500)
      .slice(5)
      .map((p) => p.y);
    for (const y of smooth) expect(y).toBeCloseTo(0.2, 6);
  });

  it("gives the share of throttled periods in percent", () => {
    expect(throttledPercentPoints(throttled).every((p) => p.y === 100)).toBe(true);
    const idle = throttled.map((s) => ({ ...s, cpuPeriods: 0, cpuThrottledPeriods: 0 }));
    expect(throttledPercentPoints(idle).every((p) => p.y === 0)).toBe(true);
  });

  it("leaves out what the samples do not have", () => {
    const bare: UsageSample[] = [{ timeMs: 0 }, { timeMs: 100 }];
    expect(memoryPoints(bare)).toEqual([]);
    expect(cpuCorePoints(bare)).toEqual([]);
    expect(throttledPercentPoints(bare)).toEqual([]);
    expect(memoryLimitMiB(bare)).toBeUndefined();
    expect(cpuLimitOf(bare)).toBeUndefined();
  });
});
