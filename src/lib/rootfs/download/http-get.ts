// One HTTP(S) GET with redirects, a timeout and clear errors: the only network code in nsbook.
import type { IncomingMessage } from "node:http";
import * as http from "node:http";
import * as https from "node:https";
import { isIP, type Socket } from "node:net";
import * as tls from "node:tls";
import { RootfsError } from "../rootfs-error.js";
import { type ProxyChoice, proxyAuthorization, proxyFor } from "./proxy.js";

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
  if (e instanceof RootfsError) return e;
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

/** A proxy failure in words: which proxy, from which variable, and what to check. */
function proxyError(proxy: ProxyChoice, url: URL, what: string, cause?: unknown): RootfsError {
  const where = `${proxy.url.protocol}//${proxy.url.host}`;
  return new RootfsError(
    `download of ${url.href} failed: the proxy ${where} (from ${proxy.variable}) ${what}. Check ${proxy.variable}, or list the host in NO_PROXY to go direct.`,
    { cause },
  );
}

/** Opens a tunnel to `url`'s host through `proxy` (HTTP CONNECT), for TLS to run inside it. */
function connectTunnel(proxy: ProxyChoice, url: URL, timeout: number, signal?: AbortSignal): Promise<Socket> {
  const target = `${url.hostname}:${url.port || 443}`;
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: proxy.url.hostname,
      port: proxy.url.port || 80,
      method: "CONNECT",
      path: target,
      headers: { host: target, "user-agent": "nsbook", ...proxyAuthorization(proxy.url) },
      signal,
    });
    req.setTimeout(timeout, () =>
      req.destroy(Object.assign(new Error(`no answer for ${timeout} ms`), { code: "ETIMEDOUT" })),
    );
    req.once("connect", (res, socket) => {
      if (res.statusCode === 200) {
        req.setTimeout(0);
        resolve(socket);
        return;
      }
      socket.destroy();
      const auth =
        res.statusCode === 407
          ? " (put user:password in the proxy URL: http://user:password@proxy:port)"
          : "";
      reject(
        proxyError(
          proxy,
          url,
          `refused to connect to ${target}: HTTP ${res.statusCode} ${res.statusMessage ?? ""}${auth}`,
        ),
      );
    });
    req.once("error", (e: NodeJS.ErrnoException) => {
      if (e.name === "AbortError") reject(e);
      else reject(proxyError(proxy, url, `could not be reached: ${e.code ?? e.message}`, e));
    });
    req.end();
  });
}

async function getOnce(url: URL, options: HttpGetOptions): Promise<IncomingMessage> {
  const timeout = options.idleTimeoutMs ?? 30_000;
  const proxy = proxyFor(url);
  const headers = { "user-agent": "nsbook" };
  // https through a proxy: TLS end to end with the server, inside a CONNECT tunnel (the proxy sees only
  // the host name). http through a proxy: the proxy is asked for the absolute URL.
  const tunnel =
    proxy && url.protocol === "https:" ? await connectTunnel(proxy, url, timeout, options.signal) : undefined;
  return new Promise((resolve, reject) => {
    let req: http.ClientRequest;
    if (tunnel) {
      const servername = isIP(url.hostname) ? undefined : url.hostname;
      const createConnection = () => tls.connect({ socket: tunnel, host: url.hostname, servername });
      // No agent: with one, Node would ignore createConnection and dial the server itself.
      req = https.get(url, { signal: options.signal, headers, createConnection }, resolve);
    } else if (proxy) {
      req = http.get(
        {
          host: proxy.url.hostname,
          port: proxy.url.port || 80,
          path: url.href,
          headers: { ...headers, host: url.host, ...proxyAuthorization(proxy.url) },
          signal: options.signal,
        },
        resolve,
      );
    } else {
      const get = url.protocol === "https:" ? https.get : http.get;
      req = get(url, { signal: options.signal, headers }, resolve);
    }
    req.setTimeout(timeout, () => {
      req.destroy(Object.assign(new Error(`no data for ${timeout} ms`), { code: "ETIMEDOUT" }));
    });
    req.on("error", (e: NodeJS.ErrnoException) => {
      if (proxy && !tunnel && e.name !== "AbortError" && e.code !== "ETIMEDOUT") {
        reject(proxyError(proxy, url, `could not be reached: ${e.code ?? e.message}`, e));
      } else reject(e);
    });
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
