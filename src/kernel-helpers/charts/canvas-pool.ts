// One ChartJSNodeCanvas per image size: creating one loads Chart.js and canvas (~0.5 s the first time).
import type { ChartConfiguration } from "chart.js";
import type { ChartJSNodeCanvas } from "chartjs-node-canvas";
import { CHART_FONT_FAMILY } from "./fonts.js";

const pool = new Map<string, ChartJSNodeCanvas>();

function canvasFor(width: number, height: number): ChartJSNodeCanvas {
  const key = `${width}x${height}`;
  let canvas = pool.get(key);
  if (!canvas) {
    // Loaded on first use: canvas and Chart.js take ~0.3 s to load, and most cells draw no chart.
    const { ChartJSNodeCanvas: Renderer } =
      require("chartjs-node-canvas") as typeof import("chartjs-node-canvas");
    canvas = new Renderer({
      width,
      height,
      backgroundColour: "white",
      chartCallback: (ChartJS) => {
        ChartJS.defaults.font.family = CHART_FONT_FAMILY;
        ChartJS.defaults.font.size = 14;
        ChartJS.defaults.color = "#222";
        ChartJS.defaults.animation = false;
        ChartJS.defaults.responsive = false;
      },
    });
    pool.set(key, canvas);
  }
  return canvas;
}

/** Checks an image size before the canvas sees it. */
export function validateSize(what: string, width: number, height: number): void {
  for (const [name, v] of [
    ["width", width],
    ["height", height],
  ] as const) {
    if (!Number.isInteger(v) || v < 100 || v > 4000) {
      throw new RangeError(`${what}: ${name} must be a whole number of pixels from 100 to 4000, got ${v}`);
    }
  }
}

/** Renders a Chart.js configuration to PNG bytes at the given size. */
export function renderPng(config: ChartConfiguration, width: number, height: number): Promise<Buffer> {
  return canvasFor(width, height).renderToBuffer(config, "image/png");
}
