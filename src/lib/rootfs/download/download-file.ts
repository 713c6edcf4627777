// Downloads a URL into a file, hashing while it writes, and deletes the file on any failure.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { unlink } from "node:fs/promises";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { RootfsError } from "../rootfs-error.js";
import type { DownloadProgressListener } from "./download-progress.js";
import { explainNetworkError, type HttpGetOptions, httpGet } from "./http-get.js";

/** Options for {@link downloadFile}. */
export interface DownloadFileOptions extends HttpGetOptions {
  /** Called for every chunk received. */
  onProgress?: DownloadProgressListener;
}

/** What was downloaded. */
export interface DownloadedFile {
  path: string;
  bytes: number;
  /** sha256 (hex) of what was written. */
  sha256: string;
}

/**
 * Downloads `url` into `path`, which must not exist yet (name it `*.partial` and rename it after checking it).
 * Detects a body shorter than its Content-Length (the server closed early) and a full disk; on every failure
 * the partial file is deleted before the {@link RootfsError} is thrown.
 */
export async function downloadFile(
  url: URL,
  path: string,
  options: DownloadFileOptions = {},
): Promise<DownloadedFile> {
  const res = await httpGet(url, options);
  const length = res.headers["content-length"];
  const totalBytes = length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
  const hash = createHash("sha256");
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      hash.update(chunk);
      options.onProgress?.({ url: url.href, receivedBytes: bytes, totalBytes });
      callback(null, chunk);
    },
  });
  try {
    try {
      await pipeline(res, meter, createWriteStream(path, { flags: "wx", mode: 0o644 }), {
        signal: options.signal,
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOSPC" || code === "EDQUOT") {
        throw new RootfsError(
          `no space left on device while saving ${url.href} to ${path}: free some space or point NSBOOK_HOME at a bigger disk`,
          { cause: e },
        );
      }
      if (code === "EEXIST")
        throw new RootfsError(`${path} exists already: another download is writing it; try again`, {
          cause: e,
        });
      if (totalBytes !== undefined && bytes < totalBytes) throw truncated(url, bytes, totalBytes, e);
      throw explainNetworkError(e, url);
    }
    if (totalBytes !== undefined && bytes !== totalBytes) throw truncated(url, bytes, totalBytes);
    return { path, bytes, sha256: hash.digest("hex") };
  } catch (e) {
    res.destroy();
    await unlink(path).catch(() => undefined);
    throw e;
  }
}

function truncated(url: URL, got: number, want: number, cause?: unknown): RootfsError {
  return new RootfsError(
    `download of ${url.href} was cut short: got ${got} of ${want} bytes (the connection closed early). ` +
      "Nothing was kept; try again, or use another --mirror.",
    { cause },
  );
}
