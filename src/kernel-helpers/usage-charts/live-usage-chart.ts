// A usage chart that redraws while a workload runs: at most every ~0.5 s, never two renders at once, and a
// final render when sampling ends (that last image is what a saved notebook or handout keeps).
import type { UsageSampler } from "../../lib/index.js";
import { newLiveDisplay } from "../display/index.js";
import { renderUsageChart, type UsageChartKind } from "./usage-chart.js";

/** Where frames go: anything with `update(png)` (a tslab live display, a file writer, a test recorder). */
export interface PngDisplay {
  update(png: Buffer): void | Promise<void>;
}

/** Options for {@link liveUsageChart}. */
export interface LiveUsageChartOptions {
  /** @default "memory" */
  kind?: UsageChartKind;
  /** Shortest time between two frames, in milliseconds. @default 500 */
  minIntervalMs?: number;
  /** Chart size in pixels. @default 900 x 450 */
  width?: number;
  height?: number;
}

/**
 * Redraws the chart of `sampler`'s samples on `display` while it runs and once more when it stops; resolves
 * with the final PNG. Rendering errors end the live updates and reject (after the sampler is done).
 */
export async function liveUsageChart(
  sampler: UsageSampler,
  display: PngDisplay,
  options: LiveUsageChartOptions = {},
): Promise<Buffer> {
  const minIntervalMs = options.minIntervalMs ?? 500;
  const draw = () =>
    renderUsageChart(sampler.samples, sampler.events, {
      kind: options.kind ?? "memory",
      width: options.width,
      height: options.height,
    });
  let lastFrameAt = Number.NEGATIVE_INFINITY;
  let rendering: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let failure: unknown;

  const frame = async (): Promise<void> => {
    lastFrameAt = performance.now();
    try {
      await display.update(await draw());
    } catch (e) {
      failure ??= e;
    }
  };
  const request = (): void => {
    if (rendering || timer || failure !== undefined || sampler.stopped) return;
    const wait = lastFrameAt + minIntervalMs - performance.now();
    if (wait > 0) {
      timer = setTimeout(() => {
        timer = undefined;
        request();
      }, wait);
      return;
    }
    rendering = frame().finally(() => {
      rendering = undefined;
    });
  };

  const unsubscribe = sampler.subscribe(request);
  try {
    await sampler.done;
  } finally {
    unsubscribe();
    if (timer) clearTimeout(timer);
    timer = undefined;
    await rendering;
  }
  if (failure !== undefined) throw failure;
  const png = await draw();
  await display.update(png);
  return png;
}

/** {@link liveUsageChart} on a new live output of the notebook (tslab's updatable display). */
export function showLiveUsageChart(
  sampler: UsageSampler,
  options: LiveUsageChartOptions = {},
): Promise<Buffer> {
  const live = newLiveDisplay();
  return liveUsageChart(sampler, { update: (png) => live.png(png) }, options);
}
