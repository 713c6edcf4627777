// Interfaces, routes and traffic counters of two network namespaces side by side (step 5).
import type { NetDevEntry, NetworkInterface, Route } from "../../../lib/index.js";
import { currentLang, type Lang, type Localized, localize } from "../../i18n/index.js";
import { type CompareTableOptions, type Side, showCompare } from "../../render/index.js";

const WORDS = {
  noAddress: { en: "no address", ja: "アドレスなし" },
  interface: { en: "interface", ja: "インターフェース" },
  destination: { en: "destination", ja: "宛先" },
  via: { en: "via", ja: "経由" },
  packets: { en: "packets", ja: "パケット" },
} as const;

/** "UP · veth · 198.51.100.1/24, fe80::1/64" for one interface (pure). */
export function describeInterface(i: NetworkInterface, lang: Lang): string {
  const addresses = i.addresses.map((a) => `${a.address}/${a.prefixLength}`);
  return [
    i.up ? "UP" : "DOWN",
    ...(i.kind ? [i.kind] : []),
    addresses.length > 0 ? addresses.join(", ") : localize(WORDS.noAddress, lang),
  ].join(" · ");
}

/** Interfaces by name, described (pure). */
export function interfacesSide(interfaces: readonly NetworkInterface[], lang: Lang): Side {
  return interfaces.map((i) => [i.name, describeInterface(i, lang)] as const);
}

/** Routes by destination: "dev eth0 · via 192.0.2.1 · src 192.0.2.2" (pure). */
export function routesSide(routes: readonly Route[], lang: Lang): Side {
  return routes.map((r) => {
    const parts = [
      ...(r.type ? [r.type] : []),
      ...(r.device ? [`dev ${r.device}`] : []),
      ...(r.gateway ? [`${localize(WORDS.via, lang)} ${r.gateway}`] : []),
      ...(r.preferredSource ? [`src ${r.preferredSource}`] : []),
    ];
    return [r.destination, parts.join(" · ")] as const;
  });
}

/** Traffic counters by interface: "rx 4 packets (336 B) · tx 4 packets (336 B)" (pure). */
export function netDevSide(entries: readonly NetDevEntry[], lang: Lang): Side {
  const p = localize(WORDS.packets, lang);
  return entries.map(
    (e) =>
      [
        e.interface,
        `rx ${e.receive.packets} ${p} (${e.receive.bytes} B) · tx ${e.transmit.packets} ${p} (${e.transmit.bytes} B)`,
      ] as const,
  );
}

function show(
  host: Side,
  container: Side,
  item: Localized,
  caption: Localized,
  options: CompareTableOptions,
) {
  showCompare(host, container, { itemHeader: item, caption, ...options });
}

/** Shows the interfaces of two namespaces by name: the same name on both sides is still two devices. */
export function showInterfaces(
  host: readonly NetworkInterface[],
  container: readonly NetworkInterface[],
  caption: Localized,
  options: CompareTableOptions = {},
): void {
  const lang = options.lang ?? currentLang();
  show(interfacesSide(host, lang), interfacesSide(container, lang), WORDS.interface, caption, options);
}

/** Shows the main routing tables of two namespaces by destination. */
export function showRoutes(
  host: readonly Route[],
  container: readonly Route[],
  caption: Localized,
  options: CompareTableOptions = {},
): void {
  const lang = options.lang ?? currentLang();
  show(routesSide(host, lang), routesSide(container, lang), WORDS.destination, caption, options);
}

/** Shows the /proc/PID/net/dev counters of two namespaces by interface. */
export function showNetDev(
  host: readonly NetDevEntry[],
  container: readonly NetDevEntry[],
  caption: Localized,
  options: CompareTableOptions = {},
): void {
  const lang = options.lang ?? currentLang();
  show(netDevSide(host, lang), netDevSide(container, lang), WORDS.interface, caption, options);
}
