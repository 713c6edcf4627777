// The counters of a container's cgroups, read straight from the kernel's files: the file name this machine's
// cgroup version uses, its raw content, and what it means in human units. The library's UsageSample has the
// same numbers in common units; this table shows where they come from.
import { readFileSync } from "node:fs";
import { type CgroupManager, type ControllerName, formatSize } from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { currentLang, type Lang, type Localized, localize } from "../../i18n/index.js";
import { escapeHtml } from "../../render/escape-html.js";
import { htmlTable } from "../../render/html-table.js";
import { MONO_STYLE, MUTED_TEXT, NO_MATH_CLASS } from "../../render/styles.js";
import { type CgroupDirVariable, dirVariables } from "./setup-script.js";

/** How to read a file's value. */
export type CounterUnit =
  | "bytes"
  | "count"
  | "ns"
  | "us"
  /** v1 cpu.cfs_quota_us: microseconds per period, -1 = no limit. */
  | "quota-us"
  /** v1 cpu.cfs_period_us. */
  | "period-us"
  /** v2 cpu.max: "QUOTA PERIOD" or "max PERIOD". */
  | "cpu-max"
  /** pids.max: a number or "max". */
  | "max-or-count";

/** Where one version keeps a counter: a file, or one "key value" line of a flat-keyed file. */
export interface CounterFile {
  file: string;
  key?: string;
  unit: CounterUnit;
}

/** One counter, as each cgroup version names it (absent: that version has no such file). */
export interface CounterSpec {
  what: Localized;
  controller: ControllerName;
  v1?: CounterFile;
  v2?: CounterFile;
  /** It counts events (limit hits, kills, throttling): highlighted when above 0. */
  event?: boolean;
  /** Left out when the file does not exist (e.g. v1 memsw files need swap accounting). */
  optional?: boolean;
}

/** The memory counters: limit, use, peak, limit hits and OOM kills. */
export const MEMORY_COUNTERS: readonly CounterSpec[] = [
  {
    what: { en: "limit", ja: "上限" },
    controller: "memory",
    v1: { file: "memory.limit_in_bytes", unit: "bytes" },
    v2: { file: "memory.max", unit: "bytes" },
  },
  {
    what: { en: "in use now", ja: "現在の使用量" },
    controller: "memory",
    v1: { file: "memory.usage_in_bytes", unit: "bytes" },
    v2: { file: "memory.current", unit: "bytes" },
  },
  {
    // v2's memory.peak came with Linux 5.19: older kernels (Ubuntu 22.04's 5.15) show no value in this row.
    what: {
      en: "peak (v2: memory.peak needs Linux ≥ 5.19)",
      ja: "最大使用量（v2 の memory.peak は Linux 5.19 以降）",
    },
    controller: "memory",
    v1: { file: "memory.max_usage_in_bytes", unit: "bytes" },
    v2: { file: "memory.peak", unit: "bytes" },
  },
  {
    what: { en: "times the limit was hit", ja: "上限に達した回数" },
    controller: "memory",
    v1: { file: "memory.failcnt", unit: "count" },
    v2: { file: "memory.events", key: "max", unit: "count" },
    event: true,
  },
  {
    what: { en: "times the memory+swap limit was hit", ja: "メモリ+スワップの上限に達した回数" },
    controller: "memory",
    v1: { file: "memory.memsw.failcnt", unit: "count" },
    event: true,
    optional: true,
  },
  {
    what: { en: "processes killed by the OOM killer", ja: "OOM killer に kill されたプロセス" },
    controller: "memory",
    v1: { file: "memory.oom_control", key: "oom_kill", unit: "count" },
    v2: { file: "memory.events", key: "oom_kill", unit: "count" },
    event: true,
  },
];

/** The CPU counters: quota and period, time used, CFS periods and throttling. */
export const CPU_COUNTERS: readonly CounterSpec[] = [
  {
    what: { en: "quota (per period)", ja: "割り当て（1 周期あたり）" },
    controller: "cpu",
    v1: { file: "cpu.cfs_quota_us", unit: "quota-us" },
    v2: { file: "cpu.max", unit: "cpu-max" },
  },
  {
    what: { en: "period", ja: "周期" },
    controller: "cpu",
    v1: { file: "cpu.cfs_period_us", unit: "period-us" },
  },
  {
    what: { en: "CPU time used", ja: "使った CPU 時間" },
    controller: "cpuacct",
    v1: { file: "cpuacct.usage", unit: "ns" },
  },
  {
    what: { en: "CPU time used", ja: "使った CPU 時間" },
    controller: "cpu",
    v2: { file: "cpu.stat", key: "usage_usec", unit: "us" },
  },
  {
    what: { en: "periods with work to do", ja: "実行したい処理があった周期" },
    controller: "cpu",
    v1: { file: "cpu.stat", key: "nr_periods", unit: "count" },
    v2: { file: "cpu.stat", key: "nr_periods", unit: "count" },
  },
  {
    what: { en: "periods throttled (quota used up)", ja: "止められた周期（割り当てを使い切った）" },
    controller: "cpu",
    v1: { file: "cpu.stat", key: "nr_throttled", unit: "count" },
    v2: { file: "cpu.stat", key: "nr_throttled", unit: "count" },
    event: true,
  },
  {
    what: { en: "time spent throttled", ja: "止められていた時間" },
    controller: "cpu",
    v1: { file: "cpu.stat", key: "throttled_time", unit: "ns" },
    v2: { file: "cpu.stat", key: "throttled_usec", unit: "us" },
    event: true,
  },
];

/** The pids counters: limit, processes now, refused forks. */
export const PIDS_COUNTERS: readonly CounterSpec[] = [
  {
    what: { en: "limit", ja: "上限" },
    controller: "pids",
    v1: { file: "pids.max", unit: "max-or-count" },
    v2: { file: "pids.max", unit: "max-or-count" },
  },
  {
    what: { en: "processes and threads now", ja: "現在のプロセス・スレッド数" },
    controller: "pids",
    v1: { file: "pids.current", unit: "count" },
    v2: { file: "pids.current", unit: "count" },
  },
  {
    what: { en: "forks refused at the limit", ja: "上限で拒否された fork" },
    controller: "pids",
    v1: { file: "pids.events", key: "max", unit: "count" },
    v2: { file: "pids.events", key: "max", unit: "count" },
    event: true,
  },
];

/** One counter as read now. */
export interface CounterRow {
  what: string;
  /** `$VAR/file` (the variables of the set-up script). */
  file: string;
  /** The file's line (or whole content) as the kernel wrote it; undefined when missing. */
  raw?: string;
  /** The value in human units. */
  meaning?: string;
  /** The number read (bytes, count, ns or us as the file has it); undefined for "max"/unlimited or missing. */
  value?: number;
  event: boolean;
}

const UNLIMITED = { en: "no limit", ja: "制限なし" } as const;
/** v1 reports "no memory limit" as the largest page-aligned value of a signed 64-bit number. */
const V1_NO_LIMIT_FROM = 2 ** 62;

function seconds(n: number, per: number): string {
  return `${(n / per).toFixed(3)} s`;
}

function ms(us: number): string {
  return `${Number((us / 1000).toFixed(3))} ms`;
}

/** Human text for a value of `unit` (pure). */
export function counterMeaning(unit: CounterUnit, raw: string, lang: Lang = currentLang()): string {
  const n = Number(raw);
  switch (unit) {
    case "bytes":
      return raw === "max" || n >= V1_NO_LIMIT_FROM ? localize(UNLIMITED, lang) : formatSize(n);
    case "count":
      return raw;
    case "ns":
      return seconds(n, 1e9);
    case "us":
      return seconds(n, 1e6);
    case "quota-us":
      return n < 0
        ? localize(UNLIMITED, lang)
        : localize({ en: `${ms(n)} of CPU per period`, ja: `1 周期あたり CPU ${ms(n)}` }, lang);
    case "period-us":
      return ms(n);
    case "cpu-max": {
      const [quota, period] = raw.split(/\s+/);
      if (quota === "max" || period === undefined) return localize(UNLIMITED, lang);
      const cores = Number((Number(quota) / Number(period)).toFixed(3));
      return localize(
        {
          en: `${ms(Number(quota))} of CPU every ${ms(Number(period))} = ${cores} CPU`,
          ja: `${ms(Number(period))} ごとに CPU ${ms(Number(quota))} = ${cores} CPU`,
        },
        lang,
      );
    }
    case "max-or-count":
      return raw === "max" ? localize(UNLIMITED, lang) : raw;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function lineOf(text: string, key: string): string | undefined {
  return text.split("\n").find((l) => l.startsWith(`${key} `));
}

/** Reads `specs` in the directories of `vars`, each in the version its controller is served by. */
export function readCounters(
  vars: readonly CgroupDirVariable[],
  specs: readonly CounterSpec[],
  lang: Lang = currentLang(),
): CounterRow[] {
  const rows: CounterRow[] = [];
  for (const spec of specs) {
    const v = vars.find((x) => x.controllers.includes(spec.controller));
    const where = v?.version === 1 ? spec.v1 : v?.version === 2 ? spec.v2 : undefined;
    if (!v || !where) continue;
    const text = readText(`${v.dir}/${where.file}`);
    if (text === undefined && spec.optional) continue;
    const raw = text === undefined ? undefined : where.key ? lineOf(text, where.key) : text.trim();
    const valueText = raw === undefined ? undefined : where.key ? raw.slice(where.key.length + 1) : raw;
    const n = valueText === undefined ? Number.NaN : Number(valueText);
    rows.push({
      what: localize(spec.what, lang),
      file: `$${v.name}/${where.file}`,
      raw,
      meaning: valueText === undefined ? undefined : counterMeaning(where.unit, valueText, lang),
      value: Number.isFinite(n) ? n : undefined,
      event: spec.event === true,
    });
  }
  return rows;
}

/**
 * Reads `specs` from `manager`'s cgroups and shows them as a table (file, content, meaning); counters of
 * events above 0 are highlighted. Returns the rows (for checks). The variables ($MEMORY, $CG...) are those
 * of the set-up script, listed under the table.
 */
export function showCounters(
  manager: Pick<CgroupManager, "controllers" | "dirs">,
  specs: readonly CounterSpec[],
  options: { caption?: Localized } = {},
): CounterRow[] {
  const lang = currentLang();
  const vars = dirVariables(manager);
  const rows = readCounters(vars, specs, lang);
  const used = vars.filter((v) => rows.some((r) => r.file.startsWith(`$${v.name}/`)));
  const table = htmlTable(
    rows,
    [
      { header: { en: "counter", ja: "カウンタ" }, key: "what" },
      { header: { en: "file", ja: "ファイル" }, key: "file", format: "mono" },
      { header: { en: "content", ja: "中身" }, key: "raw", format: "mono" },
      { header: { en: "meaning", ja: "意味" }, key: "meaning" },
    ],
    { caption: options.caption, highlight: (r) => r.event && (r.value ?? 0) > 0, lang },
  );
  const legend = used
    .map((v) => `<div>${escapeHtml(`${v.name}=${v.dir}`)} (cgroup v${v.version})</div>`)
    .join("");
  showHtml(
    `<div class="${NO_MATH_CLASS}">${table}<div style="${MONO_STYLE};color:${MUTED_TEXT};overflow-wrap:anywhere">${legend}</div></div>`,
  );
  return rows;
}
