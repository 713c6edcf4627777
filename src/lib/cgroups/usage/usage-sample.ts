// One usage sample with the same fields and units on cgroup v1 and v2.

/**
 * Resource usage of one cgroup at one moment. A field is absent when the host does not serve that controller
 * for this cgroup (or, for limits, when there is no limit).
 */
export interface UsageSample {
  /** When it was read, in milliseconds since the Unix epoch. */
  timeMs: number;
  /** Memory in use now, in bytes (v1 memory.usage_in_bytes, v2 memory.current). */
  memoryBytes?: number;
  /** Highest memory use so far, in bytes (v1 memory.max_usage_in_bytes, v2 memory.peak; else the highest
   * value this manager has seen). */
  memoryPeakBytes?: number;
  /** Memory limit in bytes; absent when unlimited. */
  memoryLimitBytes?: number;
  /** How many times usage hit the limit (v1 memory.failcnt + memory.memsw.failcnt, v2 memory.events "max"). */
  memoryLimitHits?: number;
  /** Processes killed by the OOM killer in this cgroup (v1 memory.oom_control "oom_kill", v2 memory.events). */
  oomKills?: number;
  /** CPU time used, in microseconds (v1 cpuacct.usage / 1000, v2 cpu.stat usage_usec). */
  cpuUsageUs?: number;
  /** CFS periods that had runnable tasks (cpu.stat nr_periods). */
  cpuPeriods?: number;
  /** Periods in which the quota ran out (cpu.stat nr_throttled). */
  cpuThrottledPeriods?: number;
  /** Total time throttled, in microseconds (v1 throttled_time / 1000, v2 throttled_usec). */
  cpuThrottledUs?: number;
  /** CFS quota per period, in microseconds; absent when unlimited. */
  cpuQuotaUs?: number;
  /** CFS period, in microseconds. */
  cpuPeriodUs?: number;
  /** Processes and threads in the cgroup now (pids.current). */
  pidsCurrent?: number;
  /** pids.max; absent when unlimited. */
  pidsLimit?: number;
  /** Forks refused because of pids.max (pids.events "max"). */
  pidsLimitHits?: number;
}

/** The CPU limit of a sample in cores (quota / period), or undefined when unlimited. */
export function cpuLimitCores(sample: UsageSample): number | undefined {
  if (sample.cpuQuotaUs === undefined || !sample.cpuPeriodUs) return undefined;
  return sample.cpuQuotaUs / sample.cpuPeriodUs;
}

/** Copies the defined fields of `parts` into one sample at `timeMs`. */
export function mergeUsage(timeMs: number, ...parts: Partial<UsageSample>[]): UsageSample {
  const out: UsageSample = { timeMs };
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      if (v !== undefined && k !== "timeMs") (out as unknown as Record<string, number>)[k] = v;
    }
  }
  return out;
}

/** Removes undefined fields, so samples compare and print cleanly. */
export function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
