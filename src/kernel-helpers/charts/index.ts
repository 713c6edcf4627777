// PNG charts for notebooks and handouts (Chart.js drawn by node-canvas).
export { renderBarChart, validateBarChart } from "./bar-chart.js";
export { CHART_FONT_FAMILY } from "./fonts.js";
export { renderLineChart, validateLineChart } from "./line-chart.js";
export { LIMIT_COLOR, SERIES_COLORS, seriesColor } from "./palette.js";
export { type LiveLineChart, liveLineChart, showBarChart, showLineChart } from "./show-chart.js";
export type {
  Axis,
  BarChartSpec,
  BarSeries,
  HLine,
  LineChartSpec,
  LineSeries,
  Marker,
  Point,
} from "./types.js";
