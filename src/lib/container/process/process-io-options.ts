// How a foreground container process talks to its caller: one set of options for exec, one-shot runs and
// the process runner under both.

/** Input, output, time limit and cancellation of a foreground container process. */
export interface ProcessIoOptions {
  /** "pipe" collects stdout/stderr (and streams them to the callbacks); "inherit" hands over the terminal. @default "pipe" */
  stdio?: "pipe" | "inherit";
  /** Written to stdin, then closed ("pipe" only). @default stdin is empty */
  input?: string | Uint8Array;
  /** Called with stdout text as it arrives. */
  onStdout?: (text: string) => void;
  /** Called with stderr text as it arrives. */
  onStderr?: (text: string) => void;
  /** Kill the process and everything it started after this many milliseconds. @default no timeout */
  timeoutMs?: number;
  /** Aborting kills the process and everything it started. */
  signal?: AbortSignal;
}
