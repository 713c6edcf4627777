// What a download reports while it runs.

/** One progress report of a download. */
export interface DownloadProgress {
  url: string;
  /** Bytes received so far. */
  receivedBytes: number;
  /** Total size from Content-Length, when the server sent one. */
  totalBytes?: number;
}

/** Receives progress reports (called for every chunk received; throttle display yourself). */
export type DownloadProgressListener = (progress: DownloadProgress) => void;
