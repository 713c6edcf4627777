// Series styles that stay apart in colour (Okabe-Ito, colour-blind safe) and in grey print (dashes).

/** Series colours, in order. */
export const SERIES_COLORS = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#000000",
] as const;

/** Dash patterns, in order: solid, dashed, dotted, dash-dot. */
export const SERIES_DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [10, 3, 2, 3]];

/** Point shapes, in order (Chart.js point styles). */
export const POINT_STYLES = ["circle", "rect", "triangle", "rectRot", "crossRot", "star"] as const;

/** Colour of limit lines. */
export const LIMIT_COLOR = "#b3261e";

/** The i-th series colour, cycling. */
export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length] as string;
}

/** The i-th dash pattern, cycling. */
export function seriesDash(i: number): number[] {
  return [...(SERIES_DASHES[i % SERIES_DASHES.length] as number[])];
}

/** The i-th point style, cycling. */
export function pointStyle(i: number): string {
  return POINT_STYLES[i % POINT_STYLES.length] as string;
}
