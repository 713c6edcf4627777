import { createCanvas, loadImage } from "canvas";
import { describe, expect, it } from "vitest";
import { barChartConfig } from "../../../src/kernel-helpers/charts/bar-chart.js";
import { renderBarChart, renderLineChart } from "../../../src/kernel-helpers/charts/index.js";
import { lineChartConfig } from "../../../src/kernel-helpers/charts/line-chart.js";
import type { LineChartSpec } from "../../../src/kernel-helpers/charts/types.js";

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function pixel(png: Buffer, x: number, y: number): Promise<number[]> {
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext("2d");
  ctx.drawImage(img, 0, 0);
  return [...ctx.getImageData(x, y, 1, 1).data];
}

const memory: LineChartSpec = {
  title: { en: "Memory of the container", ja: "コンテナのメモリ" },
  series: [
    { label: "memory.current", points: [0, 1, 2, 3, 4].map((t) => ({ x: t, y: t * 10 })) },
    { label: "other", points: [{ x: 0, y: 5 }] },
  ],
  y: { title: { en: "memory", ja: "メモリ" }, unit: "MiB" },
  hLines: [{ y: 64, label: "memory.max" }],
  markers: [
    { x: 3.5, label: "OOM kill" },
    { x: 1, y: 10, label: "start" },
  ],
};

describe("renderLineChart", () => {
  it("draws a 900x450 PNG with a white background for handouts", async () => {
    const png = await renderLineChart(memory);
    expect(pngSize(png)).toEqual({ width: 900, height: 450 });
    expect(await pixel(png, 2, 2)).toEqual([255, 255, 255, 255]);
  });

  it("draws at the requested size", async () => {
    expect(pngSize(await renderLineChart({ ...memory, width: 600, height: 300 }))).toEqual({
      width: 600,
      height: 300,
    });
  });

  it("titles the axes with their units, seconds on the time axis by default", () => {
    const cfg = lineChartConfig(memory, "en") as {
      options: { scales: Record<string, { title: { text: string } }> };
    };
    expect(cfg.options.scales.x?.title.text).toBe("time (s)");
    expect(cfg.options.scales.y?.title.text).toBe("memory (MiB)");
    const ja = lineChartConfig(memory, "ja") as {
      options: { scales: Record<string, { title: { text: string } }> };
    };
    expect(ja.options.scales.x?.title.text).toBe("経過時間 (s)");
  });

  it("stretches the value axis to keep a limit line above the data in view", () => {
    const cfg = lineChartConfig(memory, "en") as unknown as {
      options: { scales: { y: { suggestedMax?: number } } };
    };
    expect(cfg.options.scales.y.suggestedMax).toBeGreaterThan(64);
  });

  it("gives series different dash patterns, so a grey print tells them apart", () => {
    const cfg = lineChartConfig(memory, "en");
    const dashes = cfg.data.datasets.map((d) => JSON.stringify((d as { borderDash: number[] }).borderDash));
    expect(new Set(dashes).size).toBe(2);
  });

  it("draws an empty chart (no series yet) for a live display's first frame", async () => {
    expect(pngSize(await renderLineChart({ series: [], y: { title: "memory", unit: "MiB" } })).width).toBe(
      900,
    );
  });

  it("rejects points that are not finite numbers, naming the series and point", async () => {
    const bad = {
      ...memory,
      series: [
        {
          label: "s",
          points: [
            { x: 0, y: 1 },
            { x: 1, y: Number.NaN },
          ],
        },
      ],
    };
    await expect(renderLineChart(bad)).rejects.toThrow(
      /series\[0\]\.points\[1\]\.y must be a finite number, got NaN/,
    );
  });

  it("rejects a missing value axis and absurd sizes", async () => {
    await expect(renderLineChart({ series: [] } as unknown as LineChartSpec)).rejects.toThrow(
      /spec\.y .* is required/,
    );
    await expect(renderLineChart({ ...memory, width: 10 })).rejects.toThrow(/width must be .* got 10/);
    await expect(renderLineChart({ ...memory, y: { title: "m", min: 5, max: 1 } })).rejects.toThrow(
      /min \(5\) must be below max \(1\)/,
    );
  });
});

describe("renderBarChart", () => {
  const spec = {
    title: "Time to create each namespace",
    categories: ["mnt", "uts", "net"],
    series: [{ label: "median", values: [2.1, 1.9, 14.2] }],
    y: { title: "time", unit: "ms" },
  };

  it("draws a PNG with the value axis starting at zero", async () => {
    expect(pngSize(await renderBarChart(spec))).toEqual({ width: 900, height: 450 });
    const cfg = barChartConfig(spec, "en") as unknown as {
      options: { scales: { y: { min: number; title: { text: string } } } };
    };
    expect(cfg.options.scales.y.min).toBe(0);
    expect(cfg.options.scales.y.title.text).toBe("time (ms)");
  });

  it("puts the value axis horizontally for horizontal bars", () => {
    const cfg = barChartConfig({ ...spec, horizontal: true }, "en") as {
      options: { indexAxis: string; scales: Record<string, { type: string }> };
    };
    expect(cfg.options.indexAxis).toBe("y");
    expect(cfg.options.scales.x?.type).toBe("linear");
  });

  it("rejects a series with a value count that does not match the categories", async () => {
    await expect(renderBarChart({ ...spec, series: [{ label: "x", values: [1] }] })).rejects.toThrow(
      /series\[0\]\.values must have one value per category \(3\), got 1/,
    );
  });
});
