// What notebooks call to show things. Output goes to the running tslab kernel when there is one,
// else to a sink set with useDisplay(), else to stdout as text (so every helper runs in plain node).
import { findKernelTslab, type TslabLike, tslabSink } from "./kernel-tslab.js";
import type { DisplaySink, LiveDisplay } from "./sink.js";
import { textSink } from "./text-sink.js";

let injected: DisplaySink | undefined;
let kernel: DisplaySink | undefined;
const fallback = textSink();

function isSink(v: DisplaySink | TslabLike): v is DisplaySink {
  return typeof (v as DisplaySink).html === "function" && !("display" in v);
}

/**
 * Sends output to `target` from now on: a sink (tests), or tslab's module itself
 * (`useDisplay(tslab)` after `import * as tslab from "tslab"` in a cell). `undefined` goes back to
 * finding the kernel on its own.
 */
export function useDisplay(target: DisplaySink | TslabLike | undefined): void {
  if (target === undefined) {
    injected = undefined;
    return;
  }
  injected = isSink(target) ? target : tslabSink(target);
}

/** The sink output goes to right now. */
export function activeSink(): DisplaySink {
  if (injected) return injected;
  if (!kernel) {
    const tslab = findKernelTslab();
    if (tslab) kernel = tslabSink(tslab);
  }
  return kernel ?? fallback;
}

/** True when output reaches a Jupyter kernel (tslab) rather than a text stream. */
export function inKernel(): boolean {
  return !injected && activeSink() === kernel && kernel !== undefined;
}

/** Shows HTML (tables, check blocks). */
export function showHtml(html: string): void {
  activeSink().html(html);
}

/** Shows Markdown. */
export function showMarkdown(markdown: string): void {
  activeSink().markdown(markdown);
}

/** Shows a PNG image (a chart). */
export function showPng(png: Uint8Array): void {
  activeSink().png(png);
}

/** Shows plain text. */
export function showText(text: string): void {
  activeSink().text(text);
}

/** A display that later calls update in place, also from later cells: for live charts and progress. */
export function newLiveDisplay(): LiveDisplay {
  return activeSink().newDisplay();
}
