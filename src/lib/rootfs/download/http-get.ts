// One HTTP(S) GET with redirects, a timeout and clear errors: the only network code in nsbook.
import type { IncomingMessage } from "node:http";
import * as http from "node:http";
import * as https from "node:https";
import { RootfsError } from "../rootfs-error.js";

/** Options for {@link httpGet}. */
export interface HttpGetOptions {
  /** Give up when the server sends nothing for this long, in milliseconds. @default 30000 */
  idleTimeoutMs?: number;
  /** Redirects followed at most. @default 5 */
  maxRedirects?: number;
  /** Aborting cancels the request. */
  signal?: AbortSignal;
}

/** Parses and checks a download URL (http or https only). */
export function parseDownloadUrl(text: string, option = "url"): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RootfsError(
      `${option} ${JSON.stringify(text)} is not a URL: give one like https://example.org/rootfs.tar.gz`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new RootfsError(
      `${option} ${JSON.stringify(text)} uses ${url.protocol}: nsbook downloads over http and https only`,
    );
  }
  return url;
}

/** Turns a network error into a sentence a learner can act on. */
export function explainNetworkError(e: unknown, url: URL): RootfsError {
  const err = e as NodeJS.ErrnoException;
  if (err?.name === "AbortError") return new RootfsError(`download of ${url.href} was aborted`, { cause: e });
  const offline =
    "Is this machine offline? Without internet, use the offline default (`nsbook rootfs default`) or a --mirror you can reach.";
  const why: Record<string, string> = {
    ENOTFOUND: `cannot resolve ${url.hostname}. ${offline}`,
    EAI_AGAIN: `cannot resolve ${url.hostname} (DNS timed out). ${offline}`,
    ECONNREFUSED: `${url.host} refused the connection. ${offline}`,
    EHOSTUNREACH: `${url.host} is unreachable. ${offline}`,
    ENETUNREACH: `the network is unreachable. ${offline}`,
    ETIMEDOUT: `${url.host} stopped answering. Try again later or use another --mirror.`,
    ECONNRESET: `${url.host} closed the connection early. Try again, or use another --mirror.`,
  };
  const reason = (err?.code && why[err.code]) || `${err?.message ?? String(e)}.`;
  return new RootfsError(`download of ${url.href} failed: ${reason}`, { cause: e });
}

function getOnce(url: URL, options: HttpGetOptions): Promise<IncomingMessage> {
  const timeout = options.idleTimeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const get = url.protocol === "https:" ? https.get : http.get;
    const req = get(url, { signal: options.signal, headers: { "user-agent": "nsbook" } }, resolve);
    req.setTimeout(timeout, () => {
      req.destroy(Object.assign(new Error(`no data for ${timeout} ms`), { code: "ETIMEDOUT" }));
    });
    req.on("error", reject);
  });
}

/**
 * GETs `url`, following up to 5 redirects, and resolves with a 200 response whose body is still to be read
 * (read it or call `destroy()`). Throws a {@link RootfsError} for network failures and non-200 answers
 * (a 404 names the URL, so a wrong version or architecture is easy to spot).
 */
export async function httpGet(url: URL, options: HttpGetOptions = {}): Promise<IncomingMessage> {
  let current = url;
  for (let hop = 0; ; hop++) {
    let res: IncomingMessage;
    try {
      res = await getOnce(current, options);
    } catch (e) {
      throw explainNetworkError(e, current);
    }
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      if (hop >= (options.maxRedirects ?? 5))
        throw new RootfsError(`download of ${url.href} failed: too many redirects`);
      current = parseDownloadUrl(new URL(res.headers.location, current).href, "redirect");
      continue;
    }
    if (status !== 200) {
      res.resume();
      throw Object.assign(
        new RootfsError(
          `download of ${current.href} failed: the server answered HTTP ${status} ${res.statusMessage ?? ""}`.trimEnd(),
        ),
        { httpStatus: status },
      );
    }
    return res;
  }
}
