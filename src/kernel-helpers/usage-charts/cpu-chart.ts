// CPU use in cores against the quota line, with the share of throttled CFS periods on a second axis.
import type { ChartConfiguration } from "chart.js";
import type { UsageSample } from "../../lib/index.js";
import { renderPng } from "../charts/canvas-pool.js";
import { lineChartConfig, validateLineChart } from "../charts/line-chart.js";
import type { LineChartSpec, LineSeries } from "../charts/types.js";
import { currentLang, type Lang, type Localized, localize } from "../i18n/index.js";
import { cpuCorePoints, cpuLimitOf, throttledPercentPoints } from "./usage-series.js";

/** Options for {@link cpuChartSpec} and {@link renderCpuChart}. */
export interface CpuChartOptions {
  /** Title above the chart. @default "CPU use" / "CPU 使用量" */
  title?: Localized;
  /** Average rates over this window, in milliseconds (smooths the CFS on/off rhythm). @default 500 */
  windowMs?: number;
  /** Image width in pixels. @default 900 */
  width?: number;
  /** Image height in pixels. @default 450 */
  height?: number;
}

/** What the CPU chart shows: the cores series and quota line (left axis), throttling (right axis, %). */
export interface CpuChart {
  spec: LineChartSpec;
  throttled: LineSeries;
}

const THROTTLE_COLOR = "#D55E00";

function cores(n: number): string {
  return Number(n.toFixed(2)).toString();
}

/** The data of the CPU chart. */
export function cpuChartSpec(samples: readonly UsageSample[], options: CpuChartOptions = {}): CpuChart {
  const windowMs = options.windowMs ?? 500;
  const limit = cpuLimitOf(samples);
  return {
    spec: {
      title: options.title ?? { en: "CPU use", ja: "CPU 使用量" },
      series: [
        {
          label: { en: "CPU used (cores)", ja: "使った CPU (コア数)" },
          points: cpuCorePoints(samples, windowMs),
          color: "#0072B2",
          dashed: false,
          showPoints: false,
        },
      ],
      y: { title: { en: "CPU-seconds per second", ja: "1 秒あたりの CPU 秒" }, unit: "cores", min: 0 },
      hLines:
        limit === undefined
          ? []
          : [{ y: limit, label: { en: `quota ${cores(limit)} CPU`, ja: `上限 ${cores(limit)} CPU` } }],
      width: options.width ?? 900,
      height: options.height ?? 450,
    },
    throttled: {
      label: { en: "throttled periods (%, right axis)", ja: "制限された周期 (%、右軸)" },
      points: throttledPercentPoints(samples, windowMs),
      color: THROTTLE_COLOR,
      dashed: true,
      showPoints: false,
    },
  };
}

/**
 * The Chart.js configuration: the shared line chart (series, quota line, axes, legend) plus the throttled
 * share as a dashed series on a right-hand axis from 0 to 100 %.
 */
export function cpuChartConfig(chart: CpuChart, lang: Lang = currentLang()): ChartConfiguration {
  validateLineChart({ ...chart.spec, series: [...chart.spec.series, chart.throttled] });
  const config = lineChartConfig(chart.spec, lang) as ChartConfiguration<"line">;
  const t = chart.throttled;
  config.data.datasets.push({
    label: localize(t.label, lang),
    data: t.points.map((p) => ({ x: p.x, y: p.y })),
    yAxisID: "y2",
    borderColor: t.color,
    backgroundColor: t.color,
    borderWidth: 2,
    borderDash: [8, 4],
    pointRadius: 0,
    pointStyle: "rect",
    tension: 0,
    fill: false,
  });
  config.options ??= {};
  const scales = config.options.scales ?? {};
  scales.y2 = {
    type: "linear",
    position: "right",
    min: 0,
    max: 100,
    title: {
      display: true,
      text: localize({ en: "throttled (% of periods)", ja: "制限された周期 (%)" }, lang),
      font: { size: 14, weight: "bold" },
      color: THROTTLE_COLOR,
    },
    ticks: { color: THROTTLE_COLOR },
    grid: { drawOnChartArea: false },
  };
  config.options.scales = scales;
  return config as ChartConfiguration;
}

/** Draws the CPU chart as PNG bytes. */
export function renderCpuChart(
  samples: readonly UsageSample[],
  options: CpuChartOptions = {},
): Promise<Buffer> {
  const chart = cpuChartSpec(samples, options);
  return renderPng(cpuChartConfig(chart), chart.spec.width ?? 900, chart.spec.height ?? 450);
}
