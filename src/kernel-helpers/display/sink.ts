// Where notebook output goes: the running tslab kernel, or plain text when there is none.

/** One output area that later calls replace in place (tslab's `newDisplay()`). */
export interface LiveDisplay {
  html(html: string): void;
  markdown(markdown: string): void;
  png(png: Uint8Array): void;
  text(text: string): void;
}

/** Something that can show rich output: the kernel's display API, a text fallback, or a recorder. */
export interface DisplaySink extends LiveDisplay {
  /** A display whose later calls update the same output. */
  newDisplay(): LiveDisplay;
}
