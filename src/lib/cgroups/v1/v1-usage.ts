// cgroup v1 usage: which files to read per controller, and the pure conversion of their text to a sample.
import { parseFlatKeyed } from "../parse/flat-keyed.js";
import {
  parseCgroupNumber,
  parseV1CpuQuota,
  parseV1MemoryLimit,
  parseV1PidsMax,
} from "../parse/single-value.js";
import { dropUndefined, type UsageSample } from "../usage/usage-sample.js";

/** The files read for usage, per v1 controller (each in that controller's hierarchy). */
export const V1_USAGE_FILES = {
  memory: [
    "memory.usage_in_bytes",
    "memory.max_usage_in_bytes",
    "memory.limit_in_bytes",
    "memory.failcnt",
    "memory.memsw.failcnt",
    "memory.oom_control",
  ],
  cpuacct: ["cpuacct.usage"],
  cpu: ["cpu.stat", "cpu.cfs_quota_us", "cpu.cfs_period_us"],
  pids: ["pids.current", "pids.max", "pids.events"],
} as const;

/** Text of v1 usage files by file name; a missing file (controller not served) is undefined. */
export type V1UsageFiles = Partial<
  Record<(typeof V1_USAGE_FILES)[keyof typeof V1_USAGE_FILES][number], string>
>;

/** Converts the text of v1 usage files to sample fields in the common units (bytes, microseconds). */
export function usageFromV1Files(files: V1UsageFiles): Omit<UsageSample, "timeMs"> {
  const out: Omit<UsageSample, "timeMs"> = {};
  const num = (t: string | undefined) => (t === undefined ? undefined : parseCgroupNumber(t));
  out.memoryBytes = num(files["memory.usage_in_bytes"]);
  out.memoryPeakBytes = num(files["memory.max_usage_in_bytes"]);
  if (files["memory.limit_in_bytes"] !== undefined)
    out.memoryLimitBytes = parseV1MemoryLimit(files["memory.limit_in_bytes"]);
  // With a swap limit, v1 charges memory+swap first: when memsw equals the memory limit (swap 0) the hits
  // land in memory.memsw.failcnt instead of memory.failcnt. Either way the charge hit a limit.
  const hits = [num(files["memory.failcnt"]), num(files["memory.memsw.failcnt"])].filter(
    (n) => n !== undefined,
  );
  if (hits.length > 0) out.memoryLimitHits = hits.reduce((a, b) => a + b, 0);
  if (files["memory.oom_control"] !== undefined) {
    // "oom_kill" appeared in Linux 4.13; older kernels only have under_oom.
    out.oomKills = parseFlatKeyed(files["memory.oom_control"]).oom_kill;
  }
  const usageNs = num(files["cpuacct.usage"]);
  if (usageNs !== undefined) out.cpuUsageUs = Math.floor(usageNs / 1000);
  if (files["cpu.stat"] !== undefined) {
    const s = parseFlatKeyed(files["cpu.stat"]);
    out.cpuPeriods = s.nr_periods;
    out.cpuThrottledPeriods = s.nr_throttled;
    if (s.throttled_time !== undefined) out.cpuThrottledUs = Math.floor(s.throttled_time / 1000);
  }
  if (files["cpu.cfs_quota_us"] !== undefined) out.cpuQuotaUs = parseV1CpuQuota(files["cpu.cfs_quota_us"]);
  out.cpuPeriodUs = num(files["cpu.cfs_period_us"]);
  out.pidsCurrent = num(files["pids.current"]);
  if (files["pids.max"] !== undefined) out.pidsLimit = parseV1PidsMax(files["pids.max"]);
  if (files["pids.events"] !== undefined) out.pidsLimitHits = parseFlatKeyed(files["pids.events"]).max;
  return dropUndefined(out);
}
