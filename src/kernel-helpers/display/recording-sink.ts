// A sink that keeps every output in memory: what the unit tests look at.
import type { DisplaySink, LiveDisplay } from "./sink.js";

/** One recorded output. `displayId` is set for live displays; an update replaces the earlier output. */
export interface RecordedOutput {
  mime: "text/html" | "text/markdown" | "image/png" | "text/plain";
  data: string | Uint8Array;
  displayId?: number;
  /** True when this call updated a live display already shown. */
  update: boolean;
}

/** A {@link DisplaySink} that records outputs in `outputs`, in order. */
export interface RecordingSink extends DisplaySink {
  readonly outputs: RecordedOutput[];
}

/** Makes an empty {@link RecordingSink}. */
export function recordingSink(): RecordingSink {
  const outputs: RecordedOutput[] = [];
  let nextId = 1;
  const make = (displayId?: number): LiveDisplay => {
    let shown = false;
    const put = (mime: RecordedOutput["mime"], data: string | Uint8Array): void => {
      outputs.push({ mime, data, displayId, update: displayId !== undefined && shown });
      shown = true;
    };
    return {
      html: (h) => put("text/html", h),
      markdown: (m) => put("text/markdown", m),
      png: (b) => put("image/png", b),
      text: (t) => put("text/plain", t),
    };
  };
  return { ...make(), outputs, newDisplay: () => make(nextId++) };
}
