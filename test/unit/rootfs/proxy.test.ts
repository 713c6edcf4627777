import { describe, expect, it } from "vitest";
import { proxyAuthorization, proxyFor } from "../../../src/lib/rootfs/download/proxy.js";

const https = new URL("https://dl-cdn.alpinelinux.org/alpine/v3.20/x.tar.gz");
const http = new URL("http://mirror.example.org:8080/alpine/x.tar.gz");
const proxied = (url: URL, env: NodeJS.ProcessEnv) => proxyFor(url, env)?.url.href;

describe("which proxy a download uses, read as curl reads it", () => {
  it("uses https_proxy or HTTPS_PROXY for https, and names the variable", () => {
    expect(proxyFor(https, { HTTPS_PROXY: "http://proxy:3128" })).toMatchObject({ variable: "HTTPS_PROXY" });
    expect(proxied(https, { https_proxy: "http://a:1", HTTPS_PROXY: "http://b:2" })).toBe("http://a:1/");
    expect(proxied(https, {})).toBeUndefined();
  });

  it("uses lower-case http_proxy for http, never upper-case HTTP_PROXY (set by CGI from a request header)", () => {
    expect(proxied(http, { http_proxy: "http://proxy:3128" })).toBe("http://proxy:3128/");
    expect(proxied(http, { HTTP_PROXY: "http://proxy:3128" })).toBeUndefined();
  });

  it("falls back to all_proxy / ALL_PROXY, and reads a bare host:port as http", () => {
    expect(proxied(https, { ALL_PROXY: "proxy.corp:8080" })).toBe("http://proxy.corp:8080/");
    expect(proxied(http, { all_proxy: "http://p:1" })).toBe("http://p:1/");
  });

  it.each([
    ["*", true],
    ["dl-cdn.alpinelinux.org", true],
    [".alpinelinux.org", true],
    ["alpinelinux.org", true],
    ["*.alpinelinux.org", true],
    ["linux.org", false],
    ["example.org, alpinelinux.org", true],
    ["dl-cdn.alpinelinux.org:443", true],
    ["dl-cdn.alpinelinux.org:8443", false],
    ["", false],
  ])("NO_PROXY=%j sends the Alpine CDN direct: %s", (noProxy, direct) => {
    const env = { HTTPS_PROXY: "http://proxy:3128", NO_PROXY: noProxy };
    expect(proxyFor(https, env) === undefined).toBe(direct);
  });

  it("matches IP addresses exactly or by CIDR range in no_proxy", () => {
    const env = (noProxy: string) => ({ http_proxy: "http://proxy:3128", no_proxy: noProxy });
    const lan = new URL("http://10.1.2.3/x");
    expect(proxyFor(lan, env("10.1.2.3"))).toBeUndefined();
    expect(proxyFor(lan, env("10.0.0.0/8"))).toBeUndefined();
    expect(proxyFor(lan, env("192.168.0.0/16"))).toBeDefined();
    expect(proxyFor(new URL("http://[::1]:8080/x"), env("::1"))).toBeUndefined();
    expect(proxyFor(new URL("http://[::1]:8080/x"), env("[::1]:9090"))).toBeDefined();
  });

  it("refuses a proxy that is not a URL, or not plain http, naming the variable and the fix", () => {
    expect(() => proxyFor(https, { HTTPS_PROXY: "http://" })).toThrow(
      /HTTPS_PROXY="http:\/\/" is not a proxy address: set it like http:\/\/proxy.example.org:3128/,
    );
    expect(() => proxyFor(https, { HTTPS_PROXY: "socks5://p:1080" })).toThrow(
      /HTTPS_PROXY="socks5:\/\/p:1080": nsbook talks to proxies over plain http:\/\/ only/,
    );
  });

  it("sends user:password from the proxy URL as Basic credentials, decoded", () => {
    expect(proxyAuthorization(new URL("http://ann:p%40ss@proxy:3128"))).toEqual({
      "proxy-authorization": `Basic ${Buffer.from("ann:p@ss").toString("base64")}`,
    });
    expect(proxyAuthorization(new URL("http://proxy:3128"))).toEqual({});
  });
});
