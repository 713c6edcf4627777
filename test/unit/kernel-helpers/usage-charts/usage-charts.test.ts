import { describe, expect, it } from "vitest";
import { setLang } from "../../../../src/kernel-helpers/i18n/index.js";
import {
  cpuChartConfig,
  cpuChartSpec,
  liveUsageChart,
  memoryChartSpec,
  renderUsageChart,
} from "../../../../src/kernel-helpers/usage-charts/index.js";
import type { UsageEvent, UsageSampler } from "../../../../src/lib/cgroups/usage/sampler.js";
import type { UsageSample } from "../../../../src/lib/cgroups/usage/usage-sample.js";

const MiB = 1024 * 1024;
const samples: UsageSample[] = Array.from({ length: 30 }, (_, i) => ({
  timeMs: 5000 + i * 100,
  memoryBytes: Math.min(i, 20) * 1.6 * MiB,
  memoryLimitBytes: 32 * MiB,
  cpuUsageUs: i * 20_000,
  cpuPeriods: i,
  cpuThrottledPeriods: i,
  cpuQuotaUs: 20_000,
  cpuPeriodUs: 100_000,
}));
const oom: UsageEvent[] = [{ type: "oom-kill", timeMs: 7100, count: 1, memoryBytes: 32 * MiB }];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("memoryChartSpec", () => {
  it("draws memory in MiB with the limit as a line and each OOM kill as a marker at its time", () => {
    const spec = memoryChartSpec(samples, oom);
    expect(spec.y).toMatchObject({ unit: "MiB", min: 0 });
    expect(spec.series[0]?.points[20]).toEqual({ x: 2, y: 32 });
    expect(spec.hLines).toEqual([{ y: 32, label: { en: "limit 32 MiB", ja: "上限 32 MiB" } }]);
    expect(spec.markers).toEqual([{ x: 2.1, label: "OOM kill", color: expect.any(String) }]);
    expect([spec.width, spec.height]).toEqual([900, 450]);
  });

  it("has no limit line without a limit", () => {
    expect(memoryChartSpec(samples.map(({ memoryLimitBytes: _, ...s }) => s)).hLines).toEqual([]);
  });
});

describe("cpu chart", () => {
  it("draws cores against the quota and the throttled share on a right axis from 0 to 100 %", () => {
    setLang("en");
    try {
      const chart = cpuChartSpec(samples);
      expect(chart.spec.hLines).toEqual([{ y: 0.2, label: { en: "quota 0.2 CPU", ja: "上限 0.2 CPU" } }]);
      const config = cpuChartConfig(chart, "en");
      const datasets = config.data.datasets as { label?: string; yAxisID?: string }[];
      expect(datasets.map((d) => d.label)).toEqual(["CPU used (cores)", "throttled periods (%, right axis)"]);
      expect(datasets[1]?.yAxisID).toBe("y2");
      expect(config.options?.scales?.y2).toMatchObject({ position: "right", min: 0, max: 100 });
    } finally {
      setLang(undefined);
    }
  });
});

describe("renderUsageChart", () => {
  it("renders a handout-sized PNG of one chart, or both stacked", async () => {
    expect(pngSize(await renderUsageChart(samples, oom, { kind: "memory" }))).toEqual({
      width: 900,
      height: 450,
    });
    expect(pngSize(await renderUsageChart(samples, oom, { kind: "cpu" }))).toEqual({
      width: 900,
      height: 450,
    });
    expect(pngSize(await renderUsageChart(samples, oom))).toEqual({ width: 900, height: 900 });
  });
});

/** A sampler the test drives by hand. */
function manualSampler() {
  const listeners = new Set<(s: UsageSample, x: UsageSampler) => void>();
  let finish: () => void = () => {};
  const done = new Promise<{ samples: UsageSample[]; events: UsageEvent[] }>((resolve) => {
    finish = () => resolve({ samples: sampler.samples as UsageSample[], events: [] });
  });
  const sampler = {
    samples: [] as UsageSample[],
    events: [] as UsageEvent[],
    stopped: false,
    subscribe(l: (s: UsageSample, x: UsageSampler) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    stop: async () => {
      sampler.stopped = true;
      finish();
      return done;
    },
    done,
    push(s: UsageSample) {
      sampler.samples.push(s);
      for (const l of listeners) l(s, sampler as unknown as UsageSampler);
    },
  };
  return sampler;
}

describe("liveUsageChart", () => {
  it("redraws at most every minIntervalMs while sampling, and once more at the end", async () => {
    const sampler = manualSampler();
    const frames: Buffer[] = [];
    const live = liveUsageChart(
      sampler as unknown as UsageSampler,
      { update: (png) => void frames.push(png) },
      {
        minIntervalMs: 10_000,
      },
    );
    for (const s of samples.slice(0, 10)) sampler.push(s);
    await new Promise((r) => setTimeout(r, 300));
    expect(frames.length).toBe(1);
    await sampler.stop();
    const final = await live;
    expect(frames).toHaveLength(2);
    expect(frames[1]).toBe(final);
  });

  it("passes a rendering error on after sampling ends", async () => {
    const sampler = manualSampler();
    const live = liveUsageChart(sampler as unknown as UsageSampler, {
      update: () => {
        throw new Error("display gone");
      },
    });
    sampler.push(samples[0] as UsageSample);
    await new Promise((r) => setTimeout(r, 300));
    await sampler.stop();
    await expect(live).rejects.toThrow("display gone");
  });
});
