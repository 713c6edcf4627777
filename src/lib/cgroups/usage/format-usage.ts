// Usage as a few plain lines for a terminal (`nsbook stats`): memory, CPU and pids against their limits.
import { formatSize } from "../limits/parse-size.js";
import { cpuLimitCores, type UsageSample } from "./usage-sample.js";

function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)}%` : "-";
}

function seconds(us: number): string {
  return `${(us / 1e6).toFixed(2)} s`;
}

/**
 * Describes `now` in three lines (memory, cpu, pids; a line is left out when its controller is not served).
 * With `before`, an earlier sample of the same cgroup, the CPU line gives the rate in cores between the two.
 */
export function formatUsage(now: UsageSample, before?: UsageSample): string[] {
  const lines: string[] = [];
  if (now.memoryBytes !== undefined) {
    const limit = now.memoryLimitBytes;
    const parts = [
      `memory  ${formatSize(now.memoryBytes)}${limit !== undefined ? ` of ${formatSize(limit)} (${percent(now.memoryBytes, limit)})` : " (no limit)"}`,
    ];
    if (now.memoryPeakBytes !== undefined) parts.push(`peak ${formatSize(now.memoryPeakBytes)}`);
    if (now.memoryLimitHits !== undefined) parts.push(`limit hits ${now.memoryLimitHits}`);
    if (now.oomKills !== undefined) parts.push(`OOM kills ${now.oomKills}`);
    lines.push(parts.join(", "));
  }
  if (now.cpuUsageUs !== undefined) {
    const limit = cpuLimitCores(now);
    const parts: string[] = [];
    const dtUs = before ? (now.timeMs - before.timeMs) * 1000 : 0;
    if (before?.cpuUsageUs !== undefined && dtUs > 0) {
      const cores = (now.cpuUsageUs - before.cpuUsageUs) / dtUs;
      parts.push(
        `cpu     ${cores.toFixed(2)} cores${limit !== undefined ? ` of ${Number(limit.toFixed(3))}` : " (no limit)"}`,
      );
    } else {
      parts.push(`cpu     limit ${limit !== undefined ? `${Number(limit.toFixed(3))} cores` : "none"}`);
    }
    parts.push(`used ${seconds(now.cpuUsageUs)}`);
    if (now.cpuPeriods !== undefined && now.cpuThrottledPeriods !== undefined) {
      parts.push(
        `throttled ${now.cpuThrottledPeriods} of ${now.cpuPeriods} periods (${percent(now.cpuThrottledPeriods, now.cpuPeriods)})` +
          (now.cpuThrottledUs !== undefined ? `, ${seconds(now.cpuThrottledUs)}` : ""),
      );
    }
    lines.push(parts.join(", "));
  }
  if (now.pidsCurrent !== undefined) {
    const parts = [
      `pids    ${now.pidsCurrent}${now.pidsLimit !== undefined ? ` of ${now.pidsLimit}` : " (no limit)"}`,
    ];
    if (now.pidsLimitHits !== undefined) parts.push(`refused forks ${now.pidsLimitHits}`);
    lines.push(parts.join(", "));
  }
  return lines;
}
