// Bar charts for measurements per category (time per namespace type, usage per container).
import type { Chart, ChartConfiguration, Plugin } from "chart.js";
import { currentLang, type Lang, localize } from "../i18n/index.js";
import { annotationsPlugin } from "./annotations-plugin.js";
import { axisTitle, requireFinite, validateAxis } from "./axis.js";
import { renderPng, validateSize } from "./canvas-pool.js";
import { CHART_FONT_FAMILY } from "./fonts.js";
import { seriesColor } from "./palette.js";
import type { BarChartSpec } from "./types.js";

/** Checks a bar chart spec and throws an error naming the bad field. */
export function validateBarChart(spec: BarChartSpec): void {
  const what = "renderBarChart";
  if (!spec || !Array.isArray(spec.categories))
    throw new TypeError(`${what}: spec.categories must be an array of names`);
  if (!Array.isArray(spec.series)) throw new TypeError(`${what}: spec.series must be an array of series`);
  if (!spec.y)
    throw new TypeError(`${what}: spec.y (the value axis, e.g. { title: "time", unit: "ms" }) is required`);
  validateAxis(`${what}: spec.y`, spec.y);
  validateSize(what, spec.width ?? 900, spec.height ?? 450);
  if (
    spec.digits !== undefined &&
    !(Number.isInteger(spec.digits) && spec.digits >= 0 && spec.digits <= 10)
  ) {
    throw new RangeError(`${what}: digits must be a whole number 0..10, got ${spec.digits}`);
  }
  for (const [i, s] of spec.series.entries()) {
    if (!Array.isArray(s.values) || s.values.length !== spec.categories.length) {
      throw new RangeError(
        `${what}: series[${i}].values must have one value per category (${spec.categories.length}), got ${Array.isArray(s.values) ? s.values.length : typeof s.values}`,
      );
    }
    for (const [j, v] of s.values.entries())
      if (v !== null) requireFinite(`${what}: series[${i}].values[${j}]`, v);
  }
  for (const [i, h] of (spec.hLines ?? []).entries()) requireFinite(`${what}: hLines[${i}].y`, h.y);
}

/** Writes each bar's value at its end, so the numbers survive a grey print. */
function valueLabels(digits: number, horizontal: boolean): Plugin {
  return {
    id: "nsbookValueLabels",
    afterDatasetsDraw(chart: Chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = `12px ${CHART_FONT_FAMILY}`;
      ctx.fillStyle = "#222";
      for (const [di, dataset] of chart.data.datasets.entries()) {
        const meta = chart.getDatasetMeta(di);
        for (const [i, bar] of meta.data.entries()) {
          const v = dataset.data[i];
          if (typeof v !== "number") continue;
          const { x, y } = bar.getProps(["x", "y"], true) as { x: number; y: number };
          ctx.textAlign = horizontal ? "left" : "center";
          ctx.textBaseline = horizontal ? "middle" : "bottom";
          ctx.fillText(v.toFixed(digits), horizontal ? x + 4 : x, horizontal ? y : y - 3);
        }
      }
      ctx.restore();
    },
  };
}

/** The Chart.js configuration for `spec` (exposed for tests; {@link renderBarChart} draws it). */
export function barChartConfig(spec: BarChartSpec, lang: Lang = currentLang()): ChartConfiguration {
  const horizontal = spec.horizontal ?? false;
  const valueAxis = horizontal ? "x" : "y";
  const categoryAxis = horizontal ? "y" : "x";
  const hLines = spec.hLines ?? [];
  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = Math.max(0, ...values, ...hLines.map((h) => h.y));
  const plugins: Plugin[] = [
    annotationsPlugin(
      hLines.map((h) => ({ value: h.y, label: localize(h.label, lang), color: h.color })),
      [],
      valueAxis,
    ),
  ];
  if (spec.showValues ?? true) plugins.push(valueLabels(spec.digits ?? 1, horizontal));
  return {
    type: "bar",
    data: {
      labels: spec.categories.map((c) => localize(c, lang)),
      datasets: spec.series.map((s, i) => {
        const color = s.color ?? seriesColor(i);
        return {
          label: localize(s.label, lang),
          data: [...s.values],
          backgroundColor: color,
          borderColor: "#222",
          borderWidth: 1,
        };
      }),
    },
    options: {
      indexAxis: horizontal ? "y" : "x",
      animation: false,
      responsive: false,
      layout: { padding: { top: 4, right: 24, bottom: 4, left: 4 } },
      plugins: {
        title: {
          display: spec.title !== undefined,
          text: spec.title ? localize(spec.title, lang) : "",
          font: { size: 18, weight: "bold" },
        },
        legend: { display: spec.series.length > 1, position: "top" },
      },
      scales: {
        [valueAxis]: {
          type: "linear",
          min: spec.y.min ?? 0,
          max: spec.y.max,
          // Room for the value labels and limit lines.
          suggestedMax: top * 1.12,
          title: { display: true, text: axisTitle(spec.y, lang), font: { size: 14, weight: "bold" } },
          grid: { color: "#e5e5e5" },
        },
        [categoryAxis]: {
          type: "category",
          title: {
            display: spec.x !== undefined,
            text: spec.x ? localize(spec.x.title, lang) : "",
            font: { size: 14, weight: "bold" },
          },
          grid: { display: false },
        },
      },
    },
    plugins,
  };
}

/** Draws a bar chart as PNG bytes (900x450 by default, white background). */
export async function renderBarChart(spec: BarChartSpec): Promise<Buffer> {
  validateBarChart(spec);
  return renderPng(barChartConfig(spec), spec.width ?? 900, spec.height ?? 450);
}
