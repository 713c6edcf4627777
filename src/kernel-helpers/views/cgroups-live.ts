// A usage chart that redraws in the notebook while a workload runs, counting its frames so a self-check
// can tell that the learner really saw it move (the saved notebook keeps only the last frame).
import type { UsageSampler } from "../../lib/cgroups/index.js";
import { newLiveDisplay } from "../display/index.js";
import { liveUsageChart, type UsageChartKind } from "../usage-charts/index.js";

/** What a live chart showed. */
export interface LiveChartRun {
  /** The final image (also what the notebook keeps). */
  png: Buffer;
  /** Images drawn while sampling, the final one included. */
  frames: number;
}

/**
 * Shows `sampler`'s chart (`kind`: "memory" or "cpu") in a new output of the current cell and redraws it
 * about twice a second until the sampler stops; resolves with the final image and the number of frames.
 * Start it before the workload and await it after `sampler.stop()`.
 */
export async function showLiveChart(sampler: UsageSampler, kind: UsageChartKind): Promise<LiveChartRun> {
  const live = newLiveDisplay();
  let frames = 0;
  const png = await liveUsageChart(
    sampler,
    {
      update: (image) => {
        frames++;
        live.png(image);
      },
    },
    { kind },
  );
  return { png, frames };
}
