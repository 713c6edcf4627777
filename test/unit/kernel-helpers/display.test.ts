import { afterEach, describe, expect, it } from "vitest";
import {
  activeSink,
  findKernelTslab,
  htmlToText,
  inKernel,
  type LiveDisplay,
  newLiveDisplay,
  recordingSink,
  showHtml,
  showPng,
  textSink,
  useDisplay,
} from "../../../src/kernel-helpers/display/index.js";

function fakeDisplay(log: string[], name: string): LiveDisplay {
  return {
    html: (h) => log.push(`${name} html ${h}`),
    markdown: (m) => log.push(`${name} md ${m}`),
    png: (b) => log.push(`${name} png ${b.byteLength}`),
    text: (t) => log.push(`${name} text ${t}`),
  };
}

describe("findKernelTslab", () => {
  it("finds the tslab copy whose jupyter module is connected, not another copy", () => {
    const log: string[] = [];
    const running = { display: fakeDisplay(log, "running"), newDisplay: () => fakeDisplay(log, "live") };
    const other = { display: fakeDisplay(log, "other"), newDisplay: () => fakeDisplay(log, "other-live") };
    const cache = {
      "/home/u/.npm-global/lib/node_modules/tslab/dist/jupyter.js": {
        exports: { lastWriteDisplayData: null },
      },
      "/home/u/.npm-global/lib/node_modules/tslab/dist/public.js": { exports: other },
      "/p/node_modules/tslab/dist/jupyter.js": { exports: { lastWriteDisplayData: () => undefined } },
      "/p/node_modules/tslab/dist/public.js": { exports: running },
    };
    const found = findKernelTslab(cache, () => {
      throw new Error("should come from the cache");
    });
    found?.display.html("x");
    expect(log).toEqual(["running html x"]);
  });

  it("loads the public module next to the connected jupyter module when no cell imported it yet", () => {
    const loaded: string[] = [];
    const tslab = { display: fakeDisplay([], "d"), newDisplay: () => fakeDisplay([], "l") };
    const cache = {
      "/p/node_modules/tslab/dist/jupyter.js": { exports: { lastWriteDisplayData: () => undefined } },
    };
    const found = findKernelTslab(cache, (p) => {
      loaded.push(p);
      return tslab;
    });
    expect(found).toBe(tslab);
    expect(loaded).toEqual(["/p/node_modules/tslab/dist/public.js"]);
  });

  it("finds nothing outside a kernel", () => {
    expect(findKernelTslab()).toBeUndefined();
    expect(inKernel()).toBe(false);
  });
});

describe("show functions", () => {
  afterEach(() => useDisplay(undefined));

  it("send output to the sink given to useDisplay", () => {
    const sink = recordingSink();
    useDisplay(sink);
    showHtml("<b>hi</b>");
    showPng(new Uint8Array([1, 2, 3]));
    expect(sink.outputs.map((o) => o.mime)).toEqual(["text/html", "image/png"]);
  });

  it("accept tslab's module itself, as a cell would pass it", () => {
    const log: string[] = [];
    useDisplay({ display: fakeDisplay(log, "t"), newDisplay: () => fakeDisplay(log, "live") });
    showHtml("<i>x</i>");
    newLiveDisplay().text("tick");
    expect(log).toEqual(["t html <i>x</i>", "live text tick"]);
  });

  it("record live-display updates as updates of the same display", () => {
    const sink = recordingSink();
    useDisplay(sink);
    const live = newLiveDisplay();
    live.text("1");
    live.text("2");
    expect(sink.outputs.map((o) => [o.displayId, o.update, o.data])).toEqual([
      [1, false, "1"],
      [1, true, "2"],
    ]);
  });

  it("fall back to text on stdout outside a kernel", () => {
    expect(activeSink()).toBeDefined();
    const written: string[] = [];
    const sink = textSink((t) => written.push(t));
    sink.html("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>&lt;2&gt;</td></tr></table>");
    sink.png(new Uint8Array(10));
    expect(written).toEqual(["a | b\n1 | <2>\n", "[image/png, 10 bytes]\n"]);
  });
});

describe("htmlToText", () => {
  it("turns block elements into lines and drops styles", () => {
    expect(htmlToText('<div style="x"><b>A</b> b</div><style>p{}</style><p>c&#38;d</p>')).toBe("A b\nc&d");
  });
});
