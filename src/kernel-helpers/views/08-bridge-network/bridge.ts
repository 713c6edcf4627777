// Views of notebook 08 (bridge network): the connectivity matrix as a table, and set-up commands as a script.

import { type ConnectivityMatrix, type ContainerNetwork, formatCommand } from "../../../lib/index.js";
import { showHtml, showMarkdown } from "../../display/index.js";
import { currentLang, type Lang, type Localized, localize } from "../../i18n/index.js";
import { htmlTable } from "../../render/html-table.js";

const WORDS = {
  from: { en: "from ↓ / to →", ja: "送信元 ↓ / 宛先 →" },
  self: { en: "(itself)", ja: "（自分）" },
  caption: { en: "ping -c 1 -W 1 from inside each container", ja: "各コンテナの中から ping -c 1 -W 1" },
} as const;

/** The matrix as an HTML table: one row per container, ✓ with the round-trip time or ✗ per target (pure). */
export function connectivityTable(matrix: ConnectivityMatrix, lang: Lang = currentLang()): string {
  const rows = matrix.sources.map((source, i) => ({ source, cells: matrix.cells[i] ?? [] }));
  const addressOf = new Map(matrix.targets.map((t) => [t.label, t.address]));
  // Column headers are addresses only (short); the row labels say which container has which.
  const columns = [
    {
      header: localize(WORDS.from, lang),
      value: (r: (typeof rows)[number]) => `${r.source} (${addressOf.get(r.source) ?? "?"})`,
      format: "mono" as const,
    },
    ...matrix.targets.map((t, j) => ({
      header: t.label.startsWith("bridge ") ? `${t.label.slice(7)} ${t.address}` : t.address,
      align: "center" as const,
      value: (r: (typeof rows)[number]) => {
        const c = r.cells[j];
        if (!c) return localize(WORDS.self, lang);
        return c.reachable ? `✓ ${c.rttMs === undefined ? "" : `${c.rttMs} ms`}`.trim() : "✗";
      },
    })),
  ];
  const table = htmlTable(rows, columns, {
    caption: WORDS.caption,
    highlight: (r) => r.cells.some((c) => c !== undefined && !c.reachable),
    lang,
  });
  return `<div class="nsbook-connectivity" data-all-reachable="${matrix.allReachable}">${table}</div>`;
}

/** Shows the connectivity matrix. */
export function showConnectivity(matrix: ConnectivityMatrix, lang: Lang = currentLang()): void {
  showHtml(connectivityTable(matrix, lang));
}

/** Commands as a shell script block, each with a comment saying what it does (pure). */
export function commandScript(
  steps: readonly { what: string; argv: readonly string[] }[],
  prefix: readonly string[] = [],
): string {
  return steps.map((s) => `# ${s.what}\n${formatCommand([...prefix, ...s.argv])}`).join("\n");
}

/** Shows commands as a bash code block, under an optional heading line. */
export function showCommands(
  steps: readonly { what: string; argv: readonly string[] }[],
  heading?: Localized,
  lang: Lang = currentLang(),
): void {
  const title = heading === undefined ? "" : `**${localize(heading, lang)}**\n\n`;
  showMarkdown(`${title}\`\`\`bash\n${commandScript(steps)}\n\`\`\``);
}

/** One container on the bridge: its name, init and network. */
export interface BridgedContainer {
  name: string;
  pid?: number;
  network?: ContainerNetwork;
}

/** Each container's address, gateway and host-side veth (pure). */
export function bridgedContainersHtml(
  containers: readonly BridgedContainer[],
  lang: Lang = currentLang(),
): string {
  return htmlTable(
    containers.map((c) => ({
      container: c.name,
      pid: c.pid,
      eth0: c.network ? `${c.network.address}/${c.network.prefixLength}` : "—",
      gateway: c.network?.gateway,
      hostEnd: c.network?.hostInterface,
    })),
    [
      { key: "container", header: { en: "container", ja: "コンテナ" }, format: "mono" },
      { key: "pid", header: { en: "init (host PID)", ja: "init（ホストの PID）" } },
      { key: "eth0", header: { en: "eth0 inside", ja: "中の eth0" }, format: "mono" },
      { key: "gateway", header: { en: "gateway", ja: "ゲートウェイ" }, format: "mono" },
      { key: "hostEnd", header: { en: "veth on the host", ja: "ホスト側の veth" }, format: "mono" },
    ],
    { lang },
  );
}

/** Shows {@link bridgedContainersHtml}. */
export function showBridgedContainers(containers: readonly BridgedContainer[]): void {
  showHtml(bridgedContainersHtml(containers));
}
