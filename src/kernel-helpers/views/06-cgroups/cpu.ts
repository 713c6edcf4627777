// Notebook 06's CPU part: CPU use between two usage samples of a cgroup (the numbers behind CFS bandwidth
// control), and the %CPU busybox `top` showed inside the container.
import { cpuLimitCores, type UsageSample } from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { currentLang, type Localized, localize } from "../../i18n/index.js";
import { htmlTable } from "../../render/html-table.js";

/** What happened to a cgroup's CPU between two samples. */
export interface CpuRate {
  /** Wall time between the samples, in seconds. */
  elapsedS: number;
  /** CPU time the cgroup's processes got, in seconds. */
  usedS: number;
  /** usedS / elapsedS: CPU-seconds per second, i.e. cores kept busy on average. */
  cores: number;
  /** The quota in cores (quota / period); undefined without a limit. */
  limitCores?: number;
  /** CFS periods in which the cgroup had work (nr_periods). */
  periods: number;
  /** Periods in which it used up its quota and was stopped (nr_throttled). */
  throttled: number;
  /** Time its processes spent stopped, summed over CPUs, in seconds. */
  throttledS: number;
}

/** The CPU numbers between `before` and `after`, two samples of the same cgroup (pure). */
export function cpuRate(before: UsageSample, after: UsageSample): CpuRate {
  const d = (k: keyof UsageSample) => (after[k] ?? 0) - (before[k] ?? 0);
  const elapsedS = (after.timeMs - before.timeMs) / 1000;
  const usedS = d("cpuUsageUs") / 1e6;
  return {
    elapsedS,
    usedS,
    cores: elapsedS > 0 ? usedS / elapsedS : 0,
    limitCores: cpuLimitCores(after),
    periods: d("cpuPeriods"),
    throttled: d("cpuThrottledPeriods"),
    throttledS: d("cpuThrottledUs") / 1e6,
  };
}

/** Shows the rate as a table of what was measured, each row with how it was computed. */
export function showCpuRate(rate: CpuRate, options: { caption?: Localized } = {}): void {
  const lang = currentLang();
  const pct = rate.periods > 0 ? Math.round((100 * rate.throttled) / rate.periods) : 0;
  const limit = rate.limitCores === undefined ? "—" : String(Number(rate.limitCores.toFixed(3)));
  const rows: { what: Localized; value: string; how: Localized }[] = [
    {
      what: { en: "wall time", ja: "経過時間" },
      value: `${rate.elapsedS.toFixed(2)} s`,
      how: { en: "between the two samples", ja: "2 回の読み取りの間" },
    },
    {
      what: { en: "CPU time used", ja: "使った CPU 時間" },
      value: `${rate.usedS.toFixed(2)} s`,
      how: { en: "difference of the CPU-time counter", ja: "CPU 時間カウンタの差" },
    },
    {
      what: { en: "CPU use", ja: "CPU 使用量" },
      value: `${rate.cores.toFixed(2)} cores`,
      how: {
        en: `CPU time / wall time (the limit is ${limit})`,
        ja: `CPU 時間 ÷ 経過時間（上限は ${limit}）`,
      },
    },
    {
      what: { en: "periods with work", ja: "処理があった周期" },
      value: String(rate.periods),
      how: { en: "difference of nr_periods", ja: "nr_periods の差" },
    },
    {
      what: { en: "periods throttled", ja: "止められた周期" },
      value: `${rate.throttled} (${pct}%)`,
      how: { en: "difference of nr_throttled", ja: "nr_throttled の差" },
    },
    {
      what: { en: "time spent throttled", ja: "止められていた時間" },
      value: `${rate.throttledS.toFixed(2)} s`,
      how: { en: "difference of the throttled time", ja: "止められていた時間の差" },
    },
  ];
  showHtml(
    htmlTable(
      rows,
      [
        { header: { en: "measured", ja: "測ったもの" }, value: (r) => localize(r.what, lang) },
        { header: { en: "value", ja: "値" }, key: "value", align: "right" },
        { header: { en: "how", ja: "求め方" }, value: (r) => localize(r.how, lang) },
      ],
      { caption: options.caption, lang },
    ),
  );
}

// Reading busybox `top -b` output: the %CPU of one command in the last screen it printed.

/**
 * The %CPU busybox top gave the first process whose command is `command` (as `yes` or `{yes} sh -c ...`) in
 * the last screen of batch output (pure). busybox counts %CPU against all CPUs of the machine together, so
 * one core fully used on a 4-CPU machine shows 25%. Undefined when the process is not listed.
 */
export function topCpuPercent(output: string, command: string): number | undefined {
  const lines = output.split("\n");
  let header = -1;
  for (const [i, l] of lines.entries()) if (/\bPID\b.*%CPU/.test(l)) header = i;
  if (header < 0) return undefined;
  const columns = (lines[header] ?? "").trim().split(/\s+/);
  const cpuAt = columns.indexOf("%CPU");
  const commandAt = columns.indexOf("COMMAND");
  for (const l of lines.slice(header + 1)) {
    if (/\bPID\b.*%CPU/.test(l) || l.startsWith("Mem:")) break;
    const fields = l.trim().split(/\s+/);
    const name = fields[commandAt] ?? "";
    if (name === command || name === `{${command}}`) {
      const v = Number.parseFloat(fields[cpuAt] ?? "");
      return Number.isFinite(v) ? v : undefined;
    }
  }
  return undefined;
}

/** The last screen of busybox `top -b` batch output (from its last "Mem:" line on). */
export function lastTopScreen(output: string): string {
  const at = output.lastIndexOf("Mem:");
  return at < 0 ? output : output.slice(at);
}
