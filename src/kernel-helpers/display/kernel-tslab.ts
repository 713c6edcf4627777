// Finds the display API of the tslab kernel this code runs in.
//
// Why not `require("tslab")`: a helper module resolves "tslab" from its own folder and may load a second
// copy of the package (another node_modules, a global install). That copy's display functions throw
// "Not ready", because only the copy that runs the kernel has the channel to Jupyter. The running copy
// is the one whose `dist/jupyter.js` already holds `lastWriteDisplayData` (set when a cell starts), so we
// look for it among the modules already loaded and take the `public.js` next to it.
import { dirname, join } from "node:path";
import type { DisplaySink, LiveDisplay } from "./sink.js";

/** The part of tslab's public module nsbook uses (tslab 1.0: `display`, `newDisplay`). */
export interface TslabLike {
  display: LiveDisplay;
  newDisplay(): LiveDisplay;
}

type ModuleCache = Record<string, { exports: unknown } | undefined>;

const JUPYTER_MODULE = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

function isTslabLike(v: unknown): v is TslabLike {
  const t = v as Partial<TslabLike> | undefined;
  return typeof t?.newDisplay === "function" && typeof t.display?.html === "function";
}

/**
 * The running kernel's tslab public module, or undefined outside a kernel (or before its first cell).
 * `cache` is the CommonJS module cache (a parameter so tests can hand in a fake one).
 */
export function findKernelTslab(
  cache: ModuleCache = require.cache as ModuleCache,
  load: (path: string) => unknown = require,
): TslabLike | undefined {
  for (const [path, mod] of Object.entries(cache)) {
    if (!JUPYTER_MODULE.test(path)) continue;
    const writer = (mod?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
    if (typeof writer !== "function") continue;
    const publicPath = join(dirname(path), "public.js");
    const pub = cache[publicPath]?.exports ?? load(publicPath);
    if (isTslabLike(pub)) return pub;
  }
  return undefined;
}

/** A {@link DisplaySink} over tslab's display API. */
export function tslabSink(tslab: TslabLike): DisplaySink {
  const d = tslab.display;
  return {
    html: (h) => d.html(h),
    markdown: (m) => d.markdown(m),
    png: (b) => d.png(b),
    text: (t) => d.text(t),
    newDisplay: () => tslab.newDisplay(),
  };
}
