// `nsbook rootfs`: make, list and remove the root filesystems containers run in.
import { parseArgs } from "node:util";
import {
  buildBusyboxRootfs,
  type DownloadProgress,
  importRootfs,
  installAlpineRootfs,
  listRootfs,
  type RootfsBuildResult,
  RootfsError,
  removeRootfs,
} from "../../lib/rootfs/index.js";
import type { CliCommand } from "../command.js";
import { UsageError } from "../usage-error.js";

const USAGE = [
  "nsbook rootfs default [--force] [--busybox PATH]",
  "       nsbook rootfs alpine [--version V] [--arch A] [--mirror URL] [--name NAME] [--force]",
  "       nsbook rootfs import NAME --from PATH|URL [--sha256 HEX] [--force]",
  "       nsbook rootfs list [--json]",
  "       nsbook rootfs remove NAME",
].join("\n");

function parse<T extends Record<string, { type: "string" | "boolean" }>>(
  args: string[],
  options: T,
  positionals: number,
) {
  let parsed: ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message, USAGE);
  }
  if (parsed.positionals.length > positionals) {
    throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[positionals])}`, USAGE);
  }
  return parsed;
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** A progress line on stderr: rewritten in place on a terminal, a few lines otherwise. */
function progressPrinter(): { onProgress: (p: DownloadProgress) => void; done: () => void } {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  let lastQuarter = -1;
  let printed = false;
  const line = (p: DownloadProgress) =>
    p.totalBytes
      ? `downloading ${p.url}: ${Math.floor((100 * p.receivedBytes) / p.totalBytes)}% (${mib(p.receivedBytes)} of ${mib(p.totalBytes)})`
      : `downloading ${p.url}: ${mib(p.receivedBytes)}`;
  return {
    onProgress(p) {
      printed = true;
      if (tty) {
        const now = Date.now();
        if (now - last < 100 && p.receivedBytes !== p.totalBytes) return;
        last = now;
        process.stderr.write(`\r\x1b[K${line(p)}`);
        return;
      }
      const quarter = p.totalBytes ? Math.floor((4 * p.receivedBytes) / p.totalBytes) : 0;
      if (quarter === lastQuarter) return;
      lastQuarter = quarter;
      process.stderr.write(`${line(p)}\n`);
    },
    done() {
      if (tty && printed) process.stderr.write("\n");
    },
  };
}

function report(r: RootfsBuildResult): number {
  for (const note of r.notes) process.stderr.write(`note: ${note}\n`);
  if (r.status === "up-to-date") {
    process.stdout.write(`${r.name}: up to date at ${r.dir} (${r.detail})\n`);
  } else {
    process.stdout.write(`${r.name}: ${r.status} ${r.dir} in ${Math.round(r.durationMs)} ms (${r.detail})\n`);
  }
  return 0;
}

async function runDefault(args: string[]): Promise<number> {
  const { values } = parse(args, { force: { type: "boolean" }, busybox: { type: "string" } }, 0);
  return report(await buildBusyboxRootfs({ force: values.force, busybox: values.busybox }));
}

async function runAlpine(args: string[]): Promise<number> {
  const { values } = parse(
    args,
    {
      version: { type: "string" },
      arch: { type: "string" },
      mirror: { type: "string" },
      name: { type: "string" },
      force: { type: "boolean" },
    },
    0,
  );
  const progress = progressPrinter();
  try {
    return report(await installAlpineRootfs({ ...values, onProgress: progress.onProgress }));
  } finally {
    progress.done();
  }
}

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    { from: { type: "string" }, sha256: { type: "string" }, force: { type: "boolean" } },
    1,
  );
  const [name] = positionals;
  if (!name) throw new UsageError("import needs a NAME for the new root filesystem", USAGE);
  if (!values.from) throw new UsageError("import needs --from PATH|URL (a .tar or .tar.gz)", USAGE);
  const progress = progressPrinter();
  try {
    return report(
      await importRootfs({
        name,
        from: values.from,
        sha256: values.sha256,
        force: values.force,
        onProgress: progress.onProgress,
      }),
    );
  } finally {
    progress.done();
  }
}

async function runList(args: string[]): Promise<number> {
  const { values } = parse(args, { json: { type: "boolean" } }, 0);
  const all = await listRootfs();
  if (values.json) {
    process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
    return 0;
  }
  if (all.length === 0) {
    process.stdout.write(
      "no root filesystems yet: run `nsbook rootfs default` (offline) or `nsbook rootfs alpine`\n",
    );
    return 0;
  }
  const rows = [
    ["NAME", "KIND", "SIZE", "CREATED", "WHAT", "PATH"],
    ...all.map((r) => [
      r.name,
      r.kind,
      mib(r.sizeBytes),
      r.created.slice(0, 19).replace("T", " "),
      r.description,
      r.path,
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length))) ?? [];
  for (const row of rows) {
    process.stdout.write(
      `${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  ")}\n`,
    );
  }
  return 0;
}

async function runRemove(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  const [name] = positionals;
  if (!name)
    throw new UsageError("remove needs the NAME of a root filesystem (see `nsbook rootfs list`)", USAGE);
  if (!(await removeRootfs(name))) {
    const names = (await listRootfs()).map((r) => r.name);
    throw new RootfsError(
      `no root filesystem named "${name}" (${names.length > 0 ? `available: ${names.join(", ")}` : "there are none"})`,
    );
  }
  process.stdout.write(`removed ${name}\n`);
  return 0;
}

const SUBCOMMANDS: Readonly<Record<string, (args: string[]) => Promise<number>>> = {
  default: runDefault,
  alpine: runAlpine,
  import: runImport,
  list: runList,
  remove: runRemove,
};

/** `nsbook rootfs ...` */
export const rootfsCommand: CliCommand = {
  name: "rootfs",
  summary: "make, list and remove root filesystems (busybox offline default, Alpine, any tarball)",
  usage: USAGE,
  async run(args) {
    const [sub, ...rest] = args;
    if (!sub) throw new UsageError("which one? default, alpine, import, list or remove", USAGE);
    const run = SUBCOMMANDS[sub];
    if (!run)
      throw new UsageError(
        `unknown subcommand ${JSON.stringify(sub)}: use default, alpine, import, list or remove`,
        USAGE,
      );
    return run(rest);
  },
};
