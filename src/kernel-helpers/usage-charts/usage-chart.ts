// One image with both charts (memory above, CPU below), for live displays and `nsbook stats --png`.
import type { UsageEvent, UsageSample } from "../../lib/index.js";
import { renderCpuChart } from "./cpu-chart.js";
import { renderMemoryChart } from "./memory-chart.js";

/** Which chart(s) to draw. */
export type UsageChartKind = "memory" | "cpu" | "both";

/** Options for {@link renderUsageChart}. */
export interface UsageChartOptions {
  /** @default "both" */
  kind?: UsageChartKind;
  /** Width in pixels. @default 900 */
  width?: number;
  /** Height of each chart in pixels ("both" stacks two). @default 450 */
  height?: number;
}

/** Draws the memory chart, the CPU chart, or both stacked in one PNG. */
export async function renderUsageChart(
  samples: readonly UsageSample[],
  events: readonly UsageEvent[] = [],
  options: UsageChartOptions = {},
): Promise<Buffer> {
  const kind = options.kind ?? "both";
  const size = { width: options.width ?? 900, height: options.height ?? 450 };
  if (kind === "memory") return renderMemoryChart(samples, events, size);
  if (kind === "cpu") return renderCpuChart(samples, size);
  const [memory, cpu] = await Promise.all([
    renderMemoryChart(samples, events, size),
    renderCpuChart(samples, size),
  ]);
  return stackPngs([memory, cpu], size.width, size.height);
}

/** Stacks PNGs of equal size vertically into one PNG. */
async function stackPngs(pngs: readonly Buffer[], width: number, height: number): Promise<Buffer> {
  const { createCanvas, loadImage } = require("canvas") as typeof import("canvas");
  const canvas = createCanvas(width, height * pngs.length);
  const ctx = canvas.getContext("2d");
  for (const [i, png] of pngs.entries()) ctx.drawImage(await loadImage(png), 0, i * height);
  return canvas.toBuffer("image/png");
}
