// cgroup v2 usage: the files to read in the container's one cgroup, and the pure conversion to a sample.
import { parseCpuMax } from "../parse/cpu-max.js";
import { parseFlatKeyed } from "../parse/flat-keyed.js";
import { parseCgroupNumber, parseV2Limit } from "../parse/single-value.js";
import { dropUndefined, type UsageSample } from "../usage/usage-sample.js";

/**
 * The files read for usage, per v2 controller. cpu.stat (usage_usec) exists in every v2 cgroup even when
 * the cpu controller is not enabled; its throttling lines and cpu.max only come with the controller.
 */
export const V2_USAGE_FILES = {
  memory: ["memory.current", "memory.peak", "memory.max", "memory.events"],
  cpu: ["cpu.stat", "cpu.max"],
  pids: ["pids.current", "pids.max", "pids.events"],
} as const;

/** Text of v2 usage files by file name; a missing file is undefined (memory.peak needs Linux 5.19). */
export type V2UsageFiles = Partial<
  Record<(typeof V2_USAGE_FILES)[keyof typeof V2_USAGE_FILES][number], string>
>;

/** Converts the text of v2 usage files to sample fields in the common units (bytes, microseconds). */
export function usageFromV2Files(files: V2UsageFiles): Omit<UsageSample, "timeMs"> {
  const out: Omit<UsageSample, "timeMs"> = {};
  const num = (t: string | undefined) => (t === undefined ? undefined : parseCgroupNumber(t));
  out.memoryBytes = num(files["memory.current"]);
  out.memoryPeakBytes = num(files["memory.peak"]);
  if (files["memory.max"] !== undefined) out.memoryLimitBytes = parseV2Limit(files["memory.max"]);
  if (files["memory.events"] !== undefined) {
    const e = parseFlatKeyed(files["memory.events"]);
    out.memoryLimitHits = e.max;
    out.oomKills = e.oom_kill;
  }
  if (files["cpu.stat"] !== undefined) {
    const s = parseFlatKeyed(files["cpu.stat"]);
    out.cpuUsageUs = s.usage_usec;
    out.cpuPeriods = s.nr_periods;
    out.cpuThrottledPeriods = s.nr_throttled;
    out.cpuThrottledUs = s.throttled_usec;
  }
  if (files["cpu.max"] !== undefined) {
    const m = parseCpuMax(files["cpu.max"]);
    out.cpuQuotaUs = m.quotaUs;
    out.cpuPeriodUs = m.periodUs;
  }
  out.pidsCurrent = num(files["pids.current"]);
  if (files["pids.max"] !== undefined) out.pidsLimit = parseV2Limit(files["pids.max"]);
  if (files["pids.events"] !== undefined) out.pidsLimitHits = parseFlatKeyed(files["pids.events"]).max;
  return dropUndefined(out);
}
