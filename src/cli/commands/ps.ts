// `nsbook ps`: the containers of every scope this user may see (root: everyone's), with their live status and
// whose they are (learner and session: "terminal" or the kernel).
import { type ContainerInfo, listVisibleContainers, runDir } from "../../lib/index.js";
import type { CliCommand } from "../command.js";
import { type CommandSyntax, parseCommandLine, usageOf } from "../options.js";
import { UsageError } from "../usage-error.js";

/** `nsbook ps`'s options, once: the parser reads this table and `--help` is generated from it. */
export const PS_SYNTAX: CommandSyntax = {
  command: "nsbook ps",
  tail: "",
  maxWords: 0,
  options: [
    { name: "json", help: "print every field of every container as JSON" },
    { name: "quiet", short: "q", help: "names only, one per line (for `nsbook stop $(nsbook ps -q)`)" },
  ],
  notes: [
    "Every container this user may see (root: everyone's), running or exited; nsbook stop removes them.",
    "--json and --quiet do not go together.",
  ],
};

const USAGE = usageOf(PS_SYNTAX);

function age(iso: string | undefined, now: number): string {
  if (!iso) return "-";
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

/**
 * The STATUS cell: "running", or "exited 0", "exited 137 (out of memory, limit 32 MiB, peak 32 MiB)",
 * "exited 2 (3 forks refused at the process limit of 5)" when the exit code (and what its cgroups said) is known.
 */
export function statusText(
  c: Pick<ContainerInfo, "status" | "exitCode" | "oomKilled" | "exitMessage">,
): string {
  if (c.status !== "exited" || c.exitCode === undefined) return c.status;
  const message = c.exitMessage ?? "";
  const detail = c.oomKilled
    ? message.replace(/^killed: /, "").replace(/ \((.*)\)/, ", $1")
    : (/^exited with code \d+ \((.*)\)$/.exec(message)?.[1] ?? "");
  return `exited ${c.exitCode}${detail ? ` (${detail})` : ""}`;
}

/**
 * Renders the containers as an aligned text table; LEARNER and SESSION columns (whose they are) when any of
 * them lies in a learner's scope ("-": the unscoped run directory).
 */
export function formatContainerTable(infos: readonly ContainerInfo[], now = Date.now()): string {
  const scoped = infos.some((c) => c.learner !== undefined);
  const rows = infos.map((c) => [
    ...(scoped ? [c.learner ?? "-", c.session ?? "-"] : []),
    c.name,
    statusText(c),
    c.pid === undefined ? "-" : String(c.pid),
    c.hostname ?? "-",
    c.namespaces.length > 0 ? c.namespaces.join(",") : "none",
    age(c.createdAt, now),
    c.problem ?? c.command.join(" "),
  ]);
  const header = [
    ...(scoped ? ["LEARNER", "SESSION"] : []),
    "NAME",
    "STATUS",
    "PID",
    "HOSTNAME",
    "NAMESPACES",
    "AGE",
    "COMMAND",
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] as number)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

export const psCommand: CliCommand = {
  syntax: PS_SYNTAX,
  async run(args) {
    const { values } = parseCommandLine(args, PS_SYNTAX);
    const json = values.json === true;
    const quiet = values.quiet === true;
    if (json && quiet) throw new UsageError("--json or --quiet, not both", USAGE);
    const infos = await listVisibleContainers();
    if (quiet) {
      // Names only, one per line, nothing when there are none: for `nsbook stop $(nsbook ps -q)`.
      for (const c of infos) process.stdout.write(`${c.name}\n`);
    } else if (json) {
      process.stdout.write(`${JSON.stringify(infos, null, 2)}\n`);
    } else if (infos.length === 0) {
      process.stdout.write(`no containers (in ${runDir()})\n`);
    } else {
      process.stdout.write(`${formatContainerTable(infos)}\n`);
    }
    return 0;
  },
};
