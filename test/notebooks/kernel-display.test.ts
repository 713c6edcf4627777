// The display module must reach the running kernel's tslab (not a second copy), and live displays must
// update their output in place: what live usage charts are built on.
import { expect, it } from "vitest";
import { all, describeWhen } from "../support/requirements.js";
import { needBuild, needKernelspec } from "./support/jupyter.js";
import { needJupyterClient, runCells } from "./support/kernel-session.js";

const IMPORT = 'import * as h from "../../dist/kernel-helpers/index.js";';

describeWhen(
  all(needJupyterClient(), needKernelspec(), needBuild()),
  "kernel-helpers inside the tslab kernel",
  () => {
    it("show rich outputs through the kernel, and a live chart updates one output in place", async () => {
      const cells = await runCells([
        IMPORT,
        'console.log(h.inKernel(), h.currentLang());\nh.showHtml("<b>bold</b>");\nh.showMarkdown("*md*");',
        [
          "const chart = h.liveLineChart();",
          "const spec = (n: number) => ({",
          '  series: [{ label: "s", points: Array.from({ length: n }, (_, i) => ({ x: i, y: i * i })) }],',
          '  y: { title: "memory", unit: "MiB" },',
          "});",
          "await chart.update(spec(2));",
          "await chart.update(spec(3));",
        ].join("\n"),
        "await chart.update(spec(4));",
      ]);
      for (const c of cells) expect(c.status).toBe("ok");
      const [, shown, live, later] = cells;
      expect(shown?.outputs.map((o) => [o.type, o.text ?? Object.keys(o.data ?? {})[0]])).toEqual([
        ["stream", "true en\n"],
        ["display_data", "text/html"],
        ["display_data", "text/markdown"],
      ]);
      const frames = [...(live?.outputs ?? []), ...(later?.outputs ?? [])];
      expect(frames.map((o) => o.type)).toEqual([
        "display_data",
        "update_display_data",
        "update_display_data",
      ]);
      expect(new Set(frames.map((o) => o.displayId)).size).toBe(1);
      for (const f of frames) expect(f.data?.["image/png"]).toMatch(/^iVBORw0KGgo/);
    });

    it("speaks the notebook folder's language", async () => {
      const [, check] = await runCells([IMPORT, 'await h.check({ en: "ok", ja: "大丈夫" }, true);'], "ja");
      expect(check?.outputs[0]?.data?.["text/html"]).toContain("大丈夫");
      expect(check?.outputs[0]?.data?.["text/html"]).toContain("合格");
    });
  },
);
