// Which proxy a download goes through, read from the environment as curl reads it — learners behind a
// corporate proxy (common on WSL2) already have these set for curl, apt and npm:
// - `https_proxy` / `HTTPS_PROXY` for https URLs, `http_proxy` for http URLs (curl ignores upper-case
//   HTTP_PROXY: a CGI server sets HTTP_PROXY from a request's "Proxy:" header), `all_proxy` / `ALL_PROXY`
//   for both when the specific one is unset;
// - `no_proxy` / `NO_PROXY`: comma-separated names that go direct. "*" matches every host; "example.org"
//   and ".example.org" match that domain and its subdomains; "host:port" only that port; IP addresses
//   exactly, or a range in CIDR form ("10.0.0.0/8").
import { BlockList, isIP } from "node:net";
import { RootfsError } from "../rootfs-error.js";

/** A proxy to use, and the variable it came from (for error messages). */
export interface ProxyChoice {
  url: URL;
  variable: string;
}

function firstSet(env: NodeJS.ProcessEnv, names: string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return { name, value };
  }
  return undefined;
}

/** True when `entry` (one item of NO_PROXY) says `host:port` goes direct. */
function bypasses(entry: string, host: string, port: string): boolean {
  let pattern = entry.trim().toLowerCase();
  if (!pattern) return false;
  if (pattern === "*") return true;
  const ipv6 = /^\[(.*)\](?::(\d+))?$/.exec(pattern);
  let wantPort: string | undefined;
  if (ipv6) {
    pattern = ipv6[1] ?? "";
    wantPort = ipv6[2];
  } else if (!isIP(pattern) && /:\d+$/.test(pattern) && !pattern.includes("/")) {
    wantPort = pattern.slice(pattern.lastIndexOf(":") + 1);
    pattern = pattern.slice(0, pattern.lastIndexOf(":"));
  }
  if (wantPort && wantPort !== port) return false;
  const family = isIP(host);
  if (family) {
    const slash = pattern.indexOf("/");
    if (slash < 0) return isIP(pattern) !== 0 && pattern === host;
    const base = pattern.slice(0, slash);
    const bits = Number(pattern.slice(slash + 1));
    const type = isIP(base) === 6 ? "ipv6" : "ipv4";
    if (!isIP(base) || !Number.isInteger(bits) || isIP(base) !== family) return false;
    const range = new BlockList();
    range.addSubnet(base, bits, type);
    return range.check(host, type);
  }
  const domain = pattern.replace(/^\*?\./, "");
  return host === domain || host.endsWith(`.${domain}`);
}

/** The proxy for `url` from `env`, or undefined when it goes direct. Throws a RootfsError for a bad proxy. */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv = process.env): ProxyChoice | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  const noProxy = firstSet(env, ["no_proxy", "NO_PROXY"]);
  if (noProxy?.value.split(",").some((entry) => bypasses(entry, host, port))) return undefined;
  const names = url.protocol === "https:" ? ["https_proxy", "HTTPS_PROXY"] : ["http_proxy"];
  const chosen = firstSet(env, [...names, "all_proxy", "ALL_PROXY"]);
  if (!chosen) return undefined;
  // curl reads a proxy without a scheme as http://host:port.
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(chosen.value) ? chosen.value : `http://${chosen.value}`;
  let proxy: URL;
  try {
    proxy = new URL(text);
  } catch {
    throw new RootfsError(
      `${chosen.name}=${JSON.stringify(chosen.value)} is not a proxy address: set it like http://proxy.example.org:3128`,
    );
  }
  if (proxy.protocol !== "http:") {
    throw new RootfsError(
      `${chosen.name}=${JSON.stringify(chosen.value)}: nsbook talks to proxies over plain http:// only ` +
        `(the download itself stays https): set ${chosen.name} to the proxy's http:// address`,
    );
  }
  return { url: proxy, variable: chosen.name };
}

/** The Proxy-Authorization header for a proxy URL with user:password, if any. */
export function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username) return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { "proxy-authorization": `Basic ${Buffer.from(credentials).toString("base64")}` };
}
