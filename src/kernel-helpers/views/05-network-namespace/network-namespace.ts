// Notebook 05: what one network namespace holds, read through a process in it (the rows of its first table),
// and the lines its cells print.
import {
  type NetworkInterface,
  type ProcessRef,
  type Route,
  readInterfaces,
  readNamespaces,
  readProcText,
  readRoutes,
} from "../../../lib/index.js";
import { type Lang, localize } from "../../i18n/index.js";
import type { Side } from "../../render/index.js";

/** A network namespace's contents, as seen through one of its processes. */
export interface NetNamespaceSummary {
  /** Inode of the namespace (/proc/PID/ns/net). */
  inode?: number;
  interfaces: NetworkInterface[];
  routes: Route[];
  /** Open sockets per table of /proc/PID/net (tcp and tcp6 together, udp and udp6 together). */
  sockets: { tcp: number; udp: number; unix: number };
}

/** Entries of a /proc/net table such as tcp or unix: its lines after the header (pure). */
export function countProcNetEntries(text: string): number {
  return Math.max(0, text.split("\n").filter((l) => l.trim() !== "").length - 1);
}

// /proc/PID/net/* shows the network namespace of PID, whoever reads it. A table the kernel lacks
// (no IPv6) counts as empty.
async function countEntries(pid: ProcessRef, tables: readonly string[]): Promise<number> {
  const counts = await Promise.all(
    tables.map((t) => readProcText(pid, `net/${t}`).then(countProcNetEntries, () => 0)),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** Reads what the network namespace of process `pid` holds. */
export async function readNetNamespaceSummary(pid: ProcessRef): Promise<NetNamespaceSummary> {
  const [ns, interfaces, routes, tcp, udp, unix] = await Promise.all([
    readNamespaces(pid),
    readInterfaces(pid),
    readRoutes(pid),
    countEntries(pid, ["tcp", "tcp6"]),
    countEntries(pid, ["udp", "udp6"]),
    countEntries(pid, ["unix"]),
  ]);
  return { inode: ns.net?.inode, interfaces, routes, sockets: { tcp, udp, unix } };
}

const LABELS = {
  inode: { en: "network namespace", ja: "ネットワーク名前空間" },
  interfaces: { en: "interfaces", ja: "インターフェース" },
  addresses: { en: "IP addresses", ja: "IP アドレス" },
  routes: { en: "routes (main table)", ja: "ルート（main テーブル）" },
  tcp: { en: "TCP sockets", ja: "TCP ソケット" },
  udp: { en: "UDP sockets", ja: "UDP ソケット" },
  unix: { en: "Unix sockets", ja: "Unix ソケット" },
  none: { en: "(none)", ja: "（なし）" },
} as const;

/** One side of the host-vs-container table for `s` (pure). */
export function netNamespaceSide(s: NetNamespaceSummary, lang: Lang): Side {
  const list = (xs: string[]) => (xs.length > 0 ? xs.join(", ") : localize(LABELS.none, lang));
  const addresses = s.interfaces.flatMap((i) => i.addresses.map((a) => `${a.address}/${a.prefixLength}`));
  return [
    [localize(LABELS.inode, lang), s.inode === undefined ? undefined : `net:[${s.inode}]`],
    [localize(LABELS.interfaces, lang), list(s.interfaces.map((i) => i.name))],
    [localize(LABELS.addresses, lang), list(addresses)],
    [localize(LABELS.routes, lang), list(s.routes.map((r) => r.destination))],
    [localize(LABELS.tcp, lang), s.sockets.tcp],
    [localize(LABELS.udp, lang), s.sockets.udp],
    [localize(LABELS.unix, lang), s.sockets.unix],
  ];
}

// The lines notebook 05 prints.

/** The line the start cell prints once the step-5 container runs. */
export function describeStarted(name: string, pid: number): string {
  return localize({
    en: `${name} is running; its init is host PID ${pid}`,
    ja: `${name} が動いています。init のホストでの PID は ${pid} です`,
  });
}

/** Interface names in `ip link` output ("1: lo: <LOOPBACK> ..." -> "lo"; "5: veth0@if4: ..." -> "veth0"). */
export function interfaceNames(ipLinkOutput: string): string[] {
  return [...ipLinkOutput.matchAll(/^\d+: ([^:@\s]+)[@:]/gm)].map((m) => m[1] as string);
}
