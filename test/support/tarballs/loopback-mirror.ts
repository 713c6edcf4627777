// An HTTP server on 127.0.0.1 (random port) that serves generated files the way a mirror would, and can
// misbehave on purpose (close early, answer 404). Traffic never leaves the machine.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** How to answer one path. */
export interface MirrorRoute {
  body: Buffer | string;
  /** @default 200 */
  status?: number;
  /** Announce the full Content-Length, send only this many bytes, then cut the connection. */
  closeAfterBytes?: number;
}

/** A running loopback mirror. */
export interface LoopbackMirror {
  /** e.g. "http://127.0.0.1:41234" */
  baseUrl: string;
  /** Paths requested so far, in order. */
  requests: string[];
  /** Replaces or adds routes. */
  routes: Map<string, MirrorRoute>;
  close(): Promise<void>;
}

/** Starts a mirror serving `routes` (path -> answer); unknown paths get a 404. Close it in afterAll/finally. */
export async function startLoopbackMirror(routes: Record<string, MirrorRoute> = {}): Promise<LoopbackMirror> {
  const table = new Map(Object.entries(routes));
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    requests.push(path);
    const route = table.get(path);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    const body = Buffer.from(route.body);
    res.writeHead(route.status ?? 200, {
      "content-length": String(body.length),
      "content-type": "application/octet-stream",
    });
    if (route.closeAfterBytes === undefined) {
      res.end(body);
      return;
    }
    res.write(body.subarray(0, route.closeAfterBytes), () => {
      setTimeout(() => res.socket?.destroy(), 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    routes: table,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
