// What of nsbook's networking is on the host: bridges and veths named "nsb...", network namespaces named
// "nsbook...". After every container is removed all three lists must be empty.
import { listContainerNames, readStoredState } from "../core/state.js";
import { runHost } from "../host/index.js";
import { parseIpAddrJson } from "../inspect/ip-json.js";
import { bridgeInScope } from "./scope-network.js";

/** nsbook's network objects found on the host. */
export interface NetworkLeftovers {
  bridges: string[];
  veths: string[];
  /** Named network namespaces (`ip netns list`) whose name contains "nsbook". */
  netns: string[];
}

/** Interfaces and netns names that are nsbook's, from `ip -d -j link` and `ip netns list` output. Pure. */
export function parseNetworkLeftovers(linkJson: string, netnsList: string): NetworkLeftovers {
  const ours = parseIpAddrJson(linkJson).filter((l) => l.name.startsWith("nsb"));
  return {
    bridges: ours.filter((l) => l.kind === "bridge").map((l) => l.name),
    veths: ours.filter((l) => l.kind !== "bridge").map((l) => l.name),
    netns: netnsList
      .split("\n")
      .map((l) => l.trim().split(/\s+/)[0] ?? "")
      .filter((n) => n.includes("nsbook")),
  };
}

/** Looks for nsbook's bridges, veths and named network namespaces on the host. */
export async function findNetworkLeftovers(): Promise<NetworkLeftovers> {
  const [links, netns] = await Promise.all([
    runHost(["ip", "-d", "-j", "link"], { what: "list the host's interfaces" }),
    runHost(["ip", "netns", "list"], { what: "list named network namespaces", allowFailure: true }),
  ]);
  return parseNetworkLeftovers(links.stdout, netns.stdout);
}

/** Whether `name` is a veth end as nsbook names them: "nsb" + 8 hex digits (host end), "c" appended (peer). */
export function isNsbookVethName(name: string): boolean {
  return /^nsb[0-9a-f]{8}c?$/.test(name);
}

/**
 * nsbook-named veth ends on the host that no container under the run directory records and that hang on
 * `bridge` or on no bridge at all: what a removal or a crash left behind (empty when everything was cleaned
 * up). Veths on other bridges belong to containers of another run directory (a test sandbox) and are not
 * counted.
 */
export async function unrecordedVeths(name = "nsbook0"): Promise<string[]> {
  const bridge = await bridgeInScope(name);
  const links = await runHost(["ip", "-d", "-j", "link"], { what: "list the host's interfaces" });
  const recorded = new Set<string>();
  for (const name of await listContainerNames()) {
    const stored = await readStoredState(name).catch(() => undefined);
    for (const r of stored?.state?.resources ?? []) {
      if (r.kind === "link") recorded.add(r.id).add(`${r.id}c`);
    }
  }
  return parseIpAddrJson(links.stdout)
    .filter((l) => l.kind === "veth" && isNsbookVethName(l.name) && !recorded.has(l.name))
    .filter((l) => l.master === undefined || l.master === bridge)
    .map((l) => l.name);
}
