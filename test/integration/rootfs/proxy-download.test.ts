// Downloads through a real HTTP proxy on loopback, as a learner behind a corporate proxy would: an https
// server with a certificate made here (trusted through NODE_EXTRA_CA_CERTS, as a corporate CA is), a plain
// http server, and a proxy that records what it was asked. No root needed.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import { type AddressInfo, connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { describeWhen, needTool } from "../../support/requirements.js";

const FETCH = join(__dirname, "support/fetch-text-cli.ts");
const BODY = "sha256-of-the-rootfs  alpine.tar.gz\n";

/** A forwarding proxy: CONNECT tunnels and absolute-URI GETs; optionally demands Basic credentials. */
function startProxy(log: string[], credentials?: string) {
  const allowed = (req: http.IncomingMessage) =>
    !credentials ||
    req.headers["proxy-authorization"] === `Basic ${Buffer.from(credentials).toString("base64")}`;
  const server = http.createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    if (!allowed(req)) {
      res.writeHead(407, "Proxy Authentication Required").end();
      return;
    }
    http.get(req.url ?? "", (upstream) => {
      res.writeHead(upstream.statusCode ?? 502, upstream.headers);
      upstream.pipe(res);
    });
  });
  server.on("connect", (req: http.IncomingMessage, client: Socket) => {
    log.push(`CONNECT ${req.url}`);
    if (!allowed(req)) {
      client.end("HTTP/1.1 407 Proxy Authentication Required\r\n\r\n");
      return;
    }
    const [host, port] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  return server;
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

describeWhen(needTool("openssl"), "downloads through HTTPS_PROXY / http_proxy, honouring NO_PROXY", () => {
  const dir = mkdtempSync(join(tmpdir(), "nsbook-proxy-test-"));
  const cert = join(dir, "cert.pem");
  const log: string[] = [];
  const servers: http.Server[] = [];
  const sockets: Socket[] = [];
  let tlsPort = 0;
  let plainPort = 0;
  let proxyPort = 0;
  let authProxyPort = 0;

  beforeAll(async () => {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        cert,
      ],
      { stdio: "ignore" },
    );
    const answer = (_req: http.IncomingMessage, res: http.ServerResponse) => res.end(BODY);
    const tls = https.createServer(
      { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(cert) },
      answer,
    );
    const plain = http.createServer(answer);
    const proxy = startProxy(log);
    const authProxy = startProxy(log, "ann:s3cr@t");
    servers.push(tls, plain, proxy, authProxy);
    for (const s of servers) s.on("connection", (socket: Socket) => sockets.push(socket));
    [tlsPort = 0, plainPort = 0, proxyPort = 0, authProxyPort = 0] = await Promise.all(servers.map(listen));
  });
  afterAll(async () => {
    // close() waits for every socket a server accepted, tunnels included: end them first.
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    log.length = 0;
  });

  /** Runs the downloader in a child with exactly these proxy variables (none inherited). */
  async function fetchIn(
    env: Record<string, string>,
    url: string,
  ): Promise<{ text?: string; error?: string }> {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/_proxy$/i.test(k)));
    // Asynchronously: the servers answering the child live in this process.
    const child = spawn(process.execPath, ["--import", "tsx", FETCH, url], {
      env: { ...clean, NODE_EXTRA_CA_CERTS: cert, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    await new Promise((resolve) => child.once("close", resolve));
    return JSON.parse(out.trim().split("\n").pop() ?? "{}");
  }

  it("tunnels https through HTTPS_PROXY with CONNECT; TLS is checked end to end", async () => {
    const r = await fetchIn(
      { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` },
      `https://127.0.0.1:${tlsPort}/sum`,
    );
    expect(r).toEqual({ text: BODY });
    expect(log).toEqual([`CONNECT 127.0.0.1:${tlsPort}`]);
  });

  it("asks http_proxy for the absolute URL of an http download", async () => {
    const r = await fetchIn({ http_proxy: `127.0.0.1:${proxyPort}` }, `http://127.0.0.1:${plainPort}/sum`);
    expect(r).toEqual({ text: BODY });
    expect(log).toEqual([`GET http://127.0.0.1:${plainPort}/sum`]);
  });

  it("goes direct for a host listed in NO_PROXY", async () => {
    const env = { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`, NO_PROXY: "localhost,127.0.0.0/8" };
    expect(await fetchIn(env, `https://127.0.0.1:${tlsPort}/sum`)).toEqual({ text: BODY });
    expect(log).toEqual([]);
  });

  it("sends the proxy URL's user:password, and says how to give them when the proxy answers 407", async () => {
    const url = `https://127.0.0.1:${tlsPort}/sum`;
    const denied = await fetchIn({ HTTPS_PROXY: `http://127.0.0.1:${authProxyPort}` }, url);
    expect(denied.error).toMatch(
      new RegExp(
        `the proxy http://127.0.0.1:${authProxyPort} \\(from HTTPS_PROXY\\) refused to connect to 127.0.0.1:${tlsPort}: ` +
          "HTTP 407 Proxy Authentication Required \\(put user:password in the proxy URL",
      ),
    );
    expect(await fetchIn({ HTTPS_PROXY: `http://ann:s3cr%40t@127.0.0.1:${authProxyPort}` }, url)).toEqual({
      text: BODY,
    });
  });

  it("names the proxy and its variable when the proxy cannot be reached", async () => {
    const closed = 1; // tcpmux: nothing listens on port 1 here
    const r = await fetchIn(
      { https_proxy: `http://127.0.0.1:${closed}` },
      `https://127.0.0.1:${tlsPort}/sum`,
    );
    expect(r.error).toMatch(
      /^download of https:\/\/127\.0\.0\.1:\d+\/sum failed: the proxy http:\/\/127\.0\.0\.1:1 \(from https_proxy\) could not be reached: ECONNREFUSED\. Check https_proxy, or list the host in NO_PROXY/,
    );
  });
});
