// Notebook 05: what one network namespace holds (read by lib/inspect/net-namespace-summary.ts) as one side of
// its host-vs-container table, and the lines its cells print.
import type { NetNamespaceSummary } from "../../../lib/index.js";
import { type Lang, localize } from "../../i18n/index.js";
import type { Side } from "../../render/index.js";

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
