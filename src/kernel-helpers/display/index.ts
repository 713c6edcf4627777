// Showing output in the notebook (or as text outside one).
export { htmlToText } from "./html-to-text.js";
export { findKernelTslab, type TslabLike, tslabSink } from "./kernel-tslab.js";
export { type RecordedOutput, type RecordingSink, recordingSink } from "./recording-sink.js";
export {
  activeSink,
  inKernel,
  newLiveDisplay,
  showHtml,
  showMarkdown,
  showPng,
  showText,
  useDisplay,
} from "./show.js";
export type { DisplaySink, LiveDisplay } from "./sink.js";
export { textSink } from "./text-sink.js";
