// Memory over time against its limit, with a marker at each OOM kill.
import type { UsageEvent, UsageSample } from "../../lib/index.js";
import { renderLineChart } from "../charts/line-chart.js";
import type { LineChartSpec } from "../charts/types.js";
import type { Localized } from "../i18n/index.js";
import { elapsedSeconds, memoryLimitMiB, memoryPoints } from "./usage-series.js";

/** Options for {@link memoryChartSpec} and {@link renderMemoryChart}. */
export interface MemoryChartOptions {
  /** Title above the chart. @default "Memory use" / "メモリ使用量" */
  title?: Localized;
  /** Image width in pixels. @default 900 */
  width?: number;
  /** Image height in pixels. @default 450 */
  height?: number;
}

const OOM_COLOR = "#000000";

function mib(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** The line chart of memory use: series in MiB, the limit as a line, OOM kills as vertical markers. */
export function memoryChartSpec(
  samples: readonly UsageSample[],
  events: readonly UsageEvent[] = [],
  options: MemoryChartOptions = {},
): LineChartSpec {
  const limit = memoryLimitMiB(samples);
  return {
    title: options.title ?? { en: "Memory use", ja: "メモリ使用量" },
    series: [
      {
        label: { en: "memory in use", ja: "使用中のメモリ" },
        points: memoryPoints(samples),
        showPoints: false,
      },
    ],
    y: { title: { en: "memory", ja: "メモリ" }, unit: "MiB", min: 0 },
    hLines:
      limit === undefined
        ? []
        : [{ y: limit, label: { en: `limit ${mib(limit)} MiB`, ja: `上限 ${mib(limit)} MiB` } }],
    markers: events
      .filter((e) => e.type === "oom-kill")
      .map((e) => ({
        x: elapsedSeconds(samples, e.timeMs),
        label: e.count > 1 ? { en: `OOM kill ×${e.count}`, ja: `OOM kill ×${e.count}` } : "OOM kill",
        color: OOM_COLOR,
      })),
    width: options.width ?? 900,
    height: options.height ?? 450,
  };
}

/** Draws the memory chart as PNG bytes. */
export function renderMemoryChart(
  samples: readonly UsageSample[],
  events: readonly UsageEvent[] = [],
  options: MemoryChartOptions = {},
): Promise<Buffer> {
  return renderLineChart(memoryChartSpec(samples, events, options));
}
