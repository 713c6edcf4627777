// Fetches a small text file (a .sha256 checksum file) into memory.
import { RootfsError } from "../rootfs-error.js";
import { explainNetworkError, type HttpGetOptions, httpGet } from "./http-get.js";

/** Largest text accepted, in bytes. */
const MAX_TEXT_BYTES = 64 * 1024;

/** GETs `url` and returns its body as UTF-8 text (at most 64 KiB). Throws a {@link RootfsError} otherwise. */
export async function fetchText(url: URL, options: HttpGetOptions = {}): Promise<string> {
  const res = await httpGet(url, options);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res) {
      size += (chunk as Buffer).length;
      if (size > MAX_TEXT_BYTES) {
        res.destroy();
        throw new RootfsError(
          `${url.href} is larger than ${MAX_TEXT_BYTES} bytes: it is not a checksum file`,
        );
      }
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    if (e instanceof RootfsError) throw e;
    throw explainNetworkError(e, url);
  }
  return Buffer.concat(chunks).toString("utf8");
}
