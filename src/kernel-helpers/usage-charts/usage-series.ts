// From usage samples to chart points: elapsed seconds, MiB, CPU cores (CPU-seconds per second) and the share
// of CFS periods that were throttled. Pure, so the arithmetic is tested without drawing.
import type { UsageSample } from "../../lib/index.js";
import type { Point } from "../charts/types.js";

const MIB = 1024 * 1024;

/** Seconds since the first sample. */
export function elapsedSeconds(samples: readonly UsageSample[], timeMs: number): number {
  const t0 = samples[0]?.timeMs ?? timeMs;
  return (timeMs - t0) / 1000;
}

/** Memory in use over time, in MiB. */
export function memoryPoints(samples: readonly UsageSample[]): Point[] {
  return samples.flatMap((s) =>
    s.memoryBytes === undefined ? [] : [{ x: elapsedSeconds(samples, s.timeMs), y: s.memoryBytes / MIB }],
  );
}

/** The memory limit of the latest sample that has one, in MiB. */
export function memoryLimitMiB(samples: readonly UsageSample[]): number | undefined {
  for (let i = samples.length - 1; i >= 0; i--) {
    const limit = samples[i]?.memoryLimitBytes;
    if (limit !== undefined) return limit / MIB;
  }
  return undefined;
}

/** The CPU limit of the latest sample that has one, in cores. */
export function cpuLimitOf(samples: readonly UsageSample[]): number | undefined {
  for (let i = samples.length - 1; i >= 0; i--) {
    const s = samples[i];
    if (s?.cpuQuotaUs !== undefined && s.cpuPeriodUs) return s.cpuQuotaUs / s.cpuPeriodUs;
  }
  return undefined;
}

/**
 * For each sample, the index of the sample at least `windowMs` earlier (the latest such), or the first sample
 * while fewer than `windowMs` have passed. Rates over a window smooth out the CFS rhythm: with a 100 ms
 * period a throttled task runs in bursts, and 10 Hz samples would otherwise swing between 0 and 1 core.
 */
function windowStart(samples: readonly UsageSample[], i: number, windowMs: number): number {
  const t = samples[i]?.timeMs ?? 0;
  let j = i - 1;
  while (j > 0 && t - (samples[j]?.timeMs ?? 0) < windowMs) j--;
  return Math.max(j, 0);
}

/** CPU use over time in cores (CPU-seconds per second), averaged over `windowMs`. */
export function cpuCorePoints(samples: readonly UsageSample[], windowMs = 500): Point[] {
  const out: Point[] = [];
  for (let i = 1; i < samples.length; i++) {
    const s = samples[i] as UsageSample;
    const p = samples[windowStart(samples, i, windowMs)] as UsageSample;
    if (s.cpuUsageUs === undefined || p.cpuUsageUs === undefined) continue;
    const dtUs = (s.timeMs - p.timeMs) * 1000;
    if (dtUs <= 0) continue;
    out.push({ x: elapsedSeconds(samples, s.timeMs), y: Math.max(0, (s.cpuUsageUs - p.cpuUsageUs) / dtUs) });
  }
  return out;
}

/** Share of CFS periods in which the quota ran out, in percent, over `windowMs` (0 when no period ran). */
export function throttledPercentPoints(samples: readonly UsageSample[], windowMs = 500): Point[] {
  const out: Point[] = [];
  for (let i = 1; i < samples.length; i++) {
    const s = samples[i] as UsageSample;
    const p = samples[windowStart(samples, i, windowMs)] as UsageSample;
    if (s.cpuPeriods === undefined || p.cpuPeriods === undefined) continue;
    if (s.cpuThrottledPeriods === undefined || p.cpuThrottledPeriods === undefined) continue;
    const periods = s.cpuPeriods - p.cpuPeriods;
    const throttled = s.cpuThrottledPeriods - p.cpuThrottledPeriods;
    out.push({ x: elapsedSeconds(samples, s.timeMs), y: periods > 0 ? (100 * throttled) / periods : 0 });
  }
  return out;
}
