// The fallback outside a notebook (plain node, tests, the CLI): everything becomes text on a stream.
import { htmlToText } from "./html-to-text.js";
import type { DisplaySink, LiveDisplay } from "./sink.js";

/** A sink that writes text through `write` (default: process.stdout). */
export function textSink(write: (text: string) => void = (t) => process.stdout.write(t)): DisplaySink {
  const line = (text: string): void => write(text.endsWith("\n") ? text : `${text}\n`);
  const live = (): LiveDisplay => ({
    html: (h) => line(htmlToText(h)),
    markdown: (m) => line(m),
    png: (b) => line(`[image/png, ${b.byteLength} bytes]`),
    text: (t) => line(t),
  });
  return { ...live(), newDisplay: live };
}
