// Several containers and the host in one table (step 7): what each has of its own, cell by cell.
// The host and the containers are columns, so the table stays narrow enough to print with a few containers.
// At the end: the line the start cell prints.
import { hostname as osHostname } from "node:os";
import {
  type NamespaceLink,
  type ProcessRef,
  readHostname,
  readNamespaces,
  readProcessesSeenBy,
} from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { currentLang, type Lang, type Localized, localize } from "../../i18n/index.js";
import { escapeHtml } from "../../render/escape-html.js";
import {
  CAPTION_STYLE,
  LIGHT_BACKGROUNDS,
  MONO_STYLE,
  NO_MATH_CLASS,
  onLight,
  STATUS_COLORS,
  TABLE_STYLE,
  TD_STYLE,
  TH_STYLE,
} from "../../render/styles.js";

/** Namespace types the table compares with the host, one row each. */
const COMPARED: readonly NamespaceLink[] = ["pid", "mnt", "uts", "net", "ipc", "user", "cgroup", "time"];

/** What the table shows of one process's world. */
export interface IsolationFacts {
  /** Container name, or a label for the host row. */
  label: string;
  /** Host PID of the process read (a container's init). */
  pid: number;
  hostname: string;
  /** Namespace inodes by type. */
  namespaces: Partial<Record<NamespaceLink, number>>;
  /** How many processes `ps` run in its PID namespace would list. */
  processCount: number;
}

/** Reads hostname, namespaces and the size of the process list of `pid` ("self": this process, the host). */
export async function readIsolationFacts(label: string, pid: ProcessRef): Promise<IsolationFacts> {
  const [ns, hostname, seen] = await Promise.all([
    readNamespaces(pid),
    pid === "self" ? Promise.resolve(osHostname()) : readHostname(pid),
    readProcessesSeenBy(pid),
  ]);
  const namespaces: Partial<Record<NamespaceLink, number>> = {};
  for (const link of COMPARED) namespaces[link] = ns[link]?.inode;
  return {
    label,
    pid: pid === "self" ? process.pid : pid,
    hostname,
    namespaces,
    processCount: seen.processes.length,
  };
}

const WORDS = {
  item: { en: "item", ja: "項目" },
  pid: { en: "host PID (of init)", ja: "ホストでの PID（init）" },
  hostname: { en: "hostname", ja: "ホスト名" },
  processes: { en: "processes seen", ja: "見えるプロセス数" },
  caption: {
    en: "Host and containers side by side. Tinted cells differ from the host: that container has its own.",
    ja: "ホストとコンテナの比較。色付きのセルはホストと値が違う（そのコンテナ専用のもの）。",
  },
} as const;

interface Cell {
  text: string;
  /** Differs from the host's value in the same row. */
  differs: boolean;
}

interface Row {
  label: string;
  /** The host's cell, then one per container. */
  cells: Cell[];
}

function td(c: Cell): string {
  const style = [
    TD_STYLE,
    "text-align:right",
    ...(c.differs
      ? [onLight(LIGHT_BACKGROUNDS.highlight), `box-shadow:inset 0 -3px 0 ${STATUS_COLORS.warn}`]
      : []),
  ].join(";");
  const body = `<span style="${MONO_STYLE}">${escapeHtml(c.text)}</span>`;
  return `<td style="${style}"${c.differs ? ' data-differs="true"' : ""}>${body}</td>`;
}

/** The rows of {@link isolationTable}: one per property, the host's value first (pure). */
export function isolationRows(
  host: IsolationFacts,
  containers: readonly IsolationFacts[],
  lang: Lang,
): Row[] {
  const row = (label: string, value: (f: IsolationFacts) => unknown, compare = true): Row => ({
    label,
    cells: [host, ...containers].map((f, i) => {
      const v = value(f);
      return { text: v === undefined ? "—" : String(v), differs: compare && i > 0 && v !== value(host) };
    }),
  });
  return [
    row(localize(WORDS.pid, lang), (f) => f.pid, false),
    row(localize(WORDS.hostname, lang), (f) => f.hostname),
    ...COMPARED.map((k) => row(`${k} ns`, (f) => f.namespaces[k])),
    row(localize(WORDS.processes, lang), (f) => f.processCount),
  ];
}

/**
 * Renders the host and the containers as columns and, as rows, the init's host PID, the hostname, the inode of
 * each namespace and the number of processes each one sees. A container's cell is tinted (and underlined, for
 * black-and-white prints) when it differs from the host's: what that container has of its own.
 */
export function isolationTable(
  host: IsolationFacts,
  containers: readonly IsolationFacts[],
  options: { caption?: Localized; lang?: Lang } = {},
): string {
  const lang = options.lang ?? currentLang();
  const headers = [localize(WORDS.item, lang), host.label, ...containers.map((c) => c.label)];
  const body = isolationRows(host, containers, lang)
    .map(
      (r) =>
        `<tr><td style="${TD_STYLE};text-align:left;white-space:nowrap">${escapeHtml(r.label)}</td>${r.cells.map(td).join("")}</tr>`,
    )
    .join("");
  return [
    `<table class="nsbook-isolation ${NO_MATH_CLASS}" style="${TABLE_STYLE}">`,
    `<caption style="${CAPTION_STYLE}">${escapeHtml(localize(options.caption ?? WORDS.caption, lang))}</caption>`,
    `<thead><tr>${headers.map((h, i) => `<th style="${TH_STYLE};text-align:${i === 0 ? "left" : "right"}">${escapeHtml(h)}</th>`).join("")}</tr></thead>`,
    `<tbody>${body}</tbody></table>`,
  ].join("");
}

/** A running container as the table needs it. */
export interface NamedProcess {
  name: string;
  /** Host PID of its init. */
  pid?: number;
}

/**
 * Reads the host (this process) and every container, shows them in one table and resolves with what was
 * read, for checks. `hostLabel` heads the host's column.
 */
export async function showIsolationTable(
  containers: readonly NamedProcess[],
  options: { hostLabel?: Localized; caption?: Localized; lang?: Lang } = {},
): Promise<{ host: IsolationFacts; containers: IsolationFacts[] }> {
  const lang = options.lang ?? currentLang();
  const hostLabel = localize(
    options.hostLabel ?? { en: "host (this kernel)", ja: "ホスト（このカーネル）" },
    lang,
  );
  const [host, ...rest] = await Promise.all([
    readIsolationFacts(hostLabel, "self"),
    ...containers.map((c) => {
      if (c.pid === undefined) throw new Error(`container "${c.name}" is not running (no init PID)`);
      return readIsolationFacts(c.name, c.pid);
    }),
  ]);
  const facts = { host: host as IsolationFacts, containers: rest };
  showHtml(isolationTable(facts.host, facts.containers, { caption: options.caption, lang }));
  return facts;
}

// The line the start cell prints, in the notebook's language.

/** What the start cell prints: how many containers started, how fast, and each init's host PID. */
export function describeStartedContainers(
  containers: readonly { name: string; pid?: number }[],
  startMs: number,
): string {
  const head = localize({
    en: `${containers.length} container(s) started in ${startMs.toFixed(0)} ms`,
    ja: `${containers.length} 個のコンテナを ${startMs.toFixed(0)} ms で起動しました`,
  });
  const rows = containers.map((c) =>
    localize({
      en: `  ${c.name}: init is host PID ${c.pid}`,
      ja: `  ${c.name}：init のホストでの PID は ${c.pid}`,
    }),
  );
  return [head, ...rows].join("\n");
}
