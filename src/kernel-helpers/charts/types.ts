// Chart descriptions: plain data, no Chart.js types, so notebooks (compiled by tslab) never need them.
import type { Localized } from "../i18n/index.js";

/** One measurement: x in the axis's unit (seconds for time charts), y in the value axis's unit. */
export interface Point {
  x: number;
  y: number;
}

/** An axis: its title and unit make the axis label, e.g. "memory (MiB)". */
export interface Axis {
  title: Localized;
  /** Unit shown in brackets after the title, e.g. "MiB", "s", "%". @default none */
  unit?: string;
  /** Lowest value shown. @default from the data (0 for the value axis of bar charts) */
  min?: number;
  /** Highest value shown. @default from the data (raised to include limit lines) */
  max?: number;
}

/** A horizontal line across the chart, e.g. a memory limit. */
export interface HLine {
  y: number;
  label: Localized;
  /** CSS colour. @default dark red */
  color?: string;
}

/** An event on the time axis (OOM kill, quota applied): a point when `y` is given, else a vertical line. */
export interface Marker {
  x: number;
  y?: number;
  label: Localized;
  /** CSS colour. @default black */
  color?: string;
}

/** One line of a line chart. */
export interface LineSeries {
  label: Localized;
  points: readonly Point[];
  /** CSS colour. @default the next colour of a colour-blind-safe palette */
  color?: string;
  /** Dash pattern instead of the series' default one (every other series is dashed, for grey prints). */
  dashed?: boolean;
  /** Draw a dot at each point. @default true when the series has at most 60 points */
  showPoints?: boolean;
  /** Draw as steps (values that hold until the next sample). @default false */
  stepped?: boolean;
}

/** Everything {@link renderLineChart} needs. */
export interface LineChartSpec {
  /** Title above the chart. @default none */
  title?: Localized;
  series: readonly LineSeries[];
  /** The x axis. @default { title: "time" / "経過時間", unit: "s", min: 0 } */
  x?: Axis;
  /** The value axis, e.g. { title: "memory", unit: "MiB" }. */
  y: Axis;
  /** Horizontal lines, e.g. `[{ y: 64, label: "memory.max" }]`. @default none */
  hLines?: readonly HLine[];
  /** Events, e.g. `[{ x: 3.2, label: "OOM kill" }]`. @default none */
  markers?: readonly Marker[];
  /** Image width in pixels. @default 900 */
  width?: number;
  /** Image height in pixels. @default 450 */
  height?: number;
}

/** One group of bars (one colour): a value per category. */
export interface BarSeries {
  label: Localized;
  /** One value per category; null leaves a gap. */
  values: readonly (number | null)[];
  /** CSS colour. @default the palette */
  color?: string;
}

/** Everything {@link renderBarChart} needs. */
export interface BarChartSpec {
  title?: Localized;
  /** Names under the bars. */
  categories: readonly Localized[];
  series: readonly BarSeries[];
  /** The value axis. */
  y: Axis;
  /** Title of the category axis. @default none */
  x?: { title: Localized };
  /** Bars grow to the right instead of up. @default false */
  horizontal?: boolean;
  /** Write each value at the end of its bar. @default true */
  showValues?: boolean;
  /** Digits after the decimal point for the written values. @default 1 */
  digits?: number;
  hLines?: readonly HLine[];
  /** @default 900 */
  width?: number;
  /** @default 450 */
  height?: number;
}
