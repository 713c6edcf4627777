// Render and show in one call.
import { newLiveDisplay, showPng } from "../display/index.js";
import { renderBarChart } from "./bar-chart.js";
import { renderLineChart } from "./line-chart.js";
import type { BarChartSpec, LineChartSpec } from "./types.js";

// The show* functions resolve with nothing: tslab prints the value of a cell's last expression, and a
// Buffer would fill the page with hex. renderLineChart / renderBarChart return the PNG bytes.

/** Renders a line chart and shows it in the notebook. */
export async function showLineChart(spec: LineChartSpec): Promise<void> {
  showPng(await renderLineChart(spec));
}

/** Renders a bar chart and shows it in the notebook. */
export async function showBarChart(spec: BarChartSpec): Promise<void> {
  showPng(await renderBarChart(spec));
}

/** A chart shown once and redrawn in place by `update(spec)`: the base of live usage charts. */
export interface LiveLineChart {
  /** Redraws the chart with new data; resolves when the image has been sent. */
  update(spec: LineChartSpec): Promise<void>;
}

/** Starts a live line chart: each `update` replaces the image shown in the same output. */
export function liveLineChart(): LiveLineChart {
  const display = newLiveDisplay();
  // Renders are chained so that a slow frame never overtakes a later one.
  let last: Promise<void> = Promise.resolve();
  return {
    update(spec) {
      const next = last.then(async () => display.png(await renderLineChart(spec)));
      last = next.catch(() => undefined);
      return next;
    },
  };
}
