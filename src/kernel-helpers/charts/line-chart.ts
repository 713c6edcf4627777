// Line charts over time (memory, CPU, counts): several series, limit lines, event markers. PNG bytes out.
import type { ChartConfiguration } from "chart.js";
import { currentLang, type Lang, localize } from "../i18n/index.js";
import { annotationsPlugin, MARKER_BAND } from "./annotations-plugin.js";
import { axisTitle, requireFinite, validateAxis } from "./axis.js";
import { renderPng, validateSize } from "./canvas-pool.js";
import { pointStyle, seriesColor, seriesDash } from "./palette.js";
import type { Axis, LineChartSpec } from "./types.js";

const TIME_AXIS: Axis = { title: { en: "time", ja: "経過時間" }, unit: "s", min: 0 };

/** Checks a line chart spec and throws an error naming the bad field. */
export function validateLineChart(spec: LineChartSpec): void {
  const what = "renderLineChart";
  if (!spec || !Array.isArray(spec.series))
    throw new TypeError(`${what}: spec.series must be an array of series`);
  if (!spec.y)
    throw new TypeError(
      `${what}: spec.y (the value axis, e.g. { title: "memory", unit: "MiB" }) is required`,
    );
  validateAxis(`${what}: spec.x`, spec.x);
  validateAxis(`${what}: spec.y`, spec.y);
  validateSize(what, spec.width ?? 900, spec.height ?? 450);
  for (const [i, s] of spec.series.entries()) {
    if (!Array.isArray(s.points))
      throw new TypeError(`${what}: series[${i}].points must be an array of {x, y}`);
    for (const [j, p] of s.points.entries()) {
      requireFinite(`${what}: series[${i}].points[${j}].x`, p?.x);
      requireFinite(`${what}: series[${i}].points[${j}].y`, p?.y);
    }
  }
  for (const [i, h] of (spec.hLines ?? []).entries()) requireFinite(`${what}: hLines[${i}].y`, h.y);
  for (const [i, m] of (spec.markers ?? []).entries()) {
    requireFinite(`${what}: markers[${i}].x`, m.x);
    if (m.y !== undefined) requireFinite(`${what}: markers[${i}].y`, m.y);
  }
}

/** The Chart.js configuration for `spec` (exposed for tests; {@link renderLineChart} draws it). */
export function lineChartConfig(spec: LineChartSpec, lang: Lang = currentLang()): ChartConfiguration {
  const x = spec.x ?? TIME_AXIS;
  const hLines = spec.hLines ?? [];
  const markers = spec.markers ?? [];
  // Keep limit lines and marked points on the chart even when the data stays below them.
  const extra = [...hLines.map((h) => h.y), ...markers.flatMap((m) => (m.y === undefined ? [] : [m.y]))];
  const suggestedMax = extra.length > 0 ? Math.max(...extra) * 1.08 : undefined;
  return {
    type: "line",
    data: {
      datasets: spec.series.map((s, i) => {
        const color = s.color ?? seriesColor(i);
        const showPoints = s.showPoints ?? s.points.length <= 60;
        return {
          label: localize(s.label, lang),
          data: s.points.map((p) => ({ x: p.x, y: p.y })),
          borderColor: color,
          backgroundColor: color,
          borderWidth: 2.5,
          borderDash: s.dashed === undefined ? seriesDash(i) : s.dashed ? [8, 4] : [],
          pointRadius: showPoints ? 3 : 0,
          pointStyle: pointStyle(i) as "circle",
          stepped: s.stepped ?? false,
          tension: 0,
          fill: false,
        };
      }),
    },
    options: {
      animation: false,
      responsive: false,
      parsing: false,
      layout: { padding: { top: 4, right: 16, bottom: 4, left: 4 } },
      plugins: {
        title: {
          display: spec.title !== undefined,
          text: spec.title ? localize(spec.title, lang) : "",
          font: { size: 18, weight: "bold" },
        },
        // An empty box between legend and plot keeps room for the labels of vertical markers. Boxes at the
        // top are stacked by weight (title 2000, legend 1000): 500 puts it just above the plot. Chart.js
        // honours `weight` on titles but its types omit it, hence the spread.
        subtitle: {
          display: markers.some((m) => m.y === undefined),
          text: "",
          position: "top",
          font: { size: 12 },
          padding: { top: 0, bottom: MARKER_BAND - 14 },
          ...{ weight: 500 },
        },
        // Legend entries drawn as short lines with the series' dash pattern, so grey prints tell them apart.
        legend: {
          display: spec.series.length > 0,
          position: "top",
          labels: { usePointStyle: true, pointStyle: "line", pointStyleWidth: 44 },
        },
      },
      scales: {
        x: {
          type: "linear",
          min: x.min,
          max: x.max,
          title: { display: true, text: axisTitle(x, lang), font: { size: 14, weight: "bold" } },
          grid: { color: "#e5e5e5" },
        },
        y: {
          type: "linear",
          min: spec.y.min,
          max: spec.y.max,
          suggestedMax,
          beginAtZero: spec.y.min === undefined,
          title: { display: true, text: axisTitle(spec.y, lang), font: { size: 14, weight: "bold" } },
          grid: { color: "#e5e5e5" },
        },
      },
    },
    plugins: [
      annotationsPlugin(
        hLines.map((h) => ({ value: h.y, label: localize(h.label, lang), color: h.color })),
        markers.map((m) => ({ x: m.x, y: m.y, label: localize(m.label, lang), color: m.color })),
        "y",
      ),
    ],
  };
}

/** Draws a line chart as PNG bytes (900x450 by default, white background). */
export async function renderLineChart(spec: LineChartSpec): Promise<Buffer> {
  validateLineChart(spec);
  return renderPng(lineChartConfig(spec), spec.width ?? 900, spec.height ?? 450);
}
