// `nsbook rootfs`: make, list and remove the root filesystems containers run in.
import {
  buildBusyboxRootfs,
  DEFAULT_ALPINE_MIRROR,
  DEFAULT_ALPINE_VERSION,
  type DownloadProgress,
  importRootfs,
  installAlpineRootfs,
  listRootfs,
  type RootfsBuildResult,
  RootfsError,
  removeRootfs,
} from "../../lib/index.js";
import type { CliCommand } from "../command.js";
import {
  type CommandGroup,
  type CommandSyntax,
  type OptionSpec,
  parseCommandLine,
  subcommandOf,
  usageOf,
} from "../options.js";
import { UsageError } from "../usage-error.js";

const FORCE: OptionSpec = { name: "force", help: "make it again even when it is there" };

/** `nsbook rootfs`'s subcommands and their options, once: parsers and `--help` read these tables. */
export const ROOTFS_SYNTAX: CommandGroup = {
  command: "nsbook rootfs",
  subcommands: {
    default: {
      command: "nsbook rootfs default",
      tail: "",
      maxWords: 0,
      options: [
        FORCE,
        {
          name: "busybox",
          value: "PATH",
          help: "the static busybox to copy in (default: busybox on PATH, else /bin/busybox)",
        },
      ],
      notes: ["the course's root filesystem, from this machine's busybox (offline)"],
    },
    alpine: {
      command: "nsbook rootfs alpine",
      tail: "",
      maxWords: 0,
      options: [
        { name: "version", value: "V", help: `the Alpine release (default: ${DEFAULT_ALPINE_VERSION})` },
        { name: "arch", value: "A", help: "its architecture (default: this machine's)" },
        {
          name: "mirror",
          value: "URL",
          help: `where to download it from (default: ${DEFAULT_ALPINE_MIRROR})`,
        },
        { name: "name", value: "NAME", help: "the name to keep it under (default: alpine)" },
        FORCE,
      ],
      notes: ["Alpine's minirootfs, downloaded and checked against its published checksum"],
    },
    import: {
      command: "nsbook rootfs import",
      tail: "NAME",
      maxWords: 1,
      options: [
        { name: "from", value: "PATH|URL", required: true, help: "a .tar or .tar.gz: a file or a URL" },
        { name: "sha256", value: "HEX", help: "its checksum, checked before it is unpacked" },
        FORCE,
      ],
    },
    list: {
      command: "nsbook rootfs list",
      tail: "",
      maxWords: 0,
      options: [{ name: "json", help: "print them as JSON" }],
    },
    remove: { command: "nsbook rootfs remove", tail: "NAME", maxWords: 1, options: [] },
  },
};

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

/** A subcommand's option values by long name, and its words. */
interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  words: string[];
}

async function runDefault({ values }: Parsed): Promise<number> {
  return report(
    await buildBusyboxRootfs({ force: values.force === true, busybox: values.busybox as string | undefined }),
  );
}

async function runAlpine(parsed: Parsed): Promise<number> {
  const values = parsed.values as {
    version?: string;
    arch?: string;
    mirror?: string;
    name?: string;
    force?: boolean;
  };
  const progress = progressPrinter();
  try {
    return report(await installAlpineRootfs({ ...values, onProgress: progress.onProgress }));
  } finally {
    progress.done();
  }
}

async function runImport(parsed: Parsed): Promise<number> {
  const values = parsed.values as { from?: string; sha256?: string; force?: boolean };
  const usage = usageOf(ROOTFS_SYNTAX.subcommands.import as CommandSyntax);
  const [name] = parsed.words;
  if (!name) throw new UsageError("import needs a NAME for the new root filesystem", usage);
  const progress = progressPrinter();
  try {
    return report(
      await importRootfs({
        name,
        from: values.from as string,
        sha256: values.sha256,
        force: values.force,
        onProgress: progress.onProgress,
      }),
    );
  } finally {
    progress.done();
  }
}

async function runList({ values }: Parsed): Promise<number> {
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

async function runRemove({ words }: Parsed): Promise<number> {
  const [name] = words;
  if (!name)
    throw new UsageError(
      "remove needs the NAME of a root filesystem (see `nsbook rootfs list`)",
      usageOf(ROOTFS_SYNTAX.subcommands.remove as CommandSyntax),
    );
  if (!(await removeRootfs(name))) {
    const names = (await listRootfs()).map((r) => r.name);
    throw new RootfsError(
      `no root filesystem named "${name}" (${names.length > 0 ? `available: ${names.join(", ")}` : "there are none"})`,
    );
  }
  process.stdout.write(`removed ${name}\n`);
  return 0;
}

const SUBCOMMANDS: Readonly<Record<string, (parsed: Parsed) => Promise<number>>> = {
  default: runDefault,
  alpine: runAlpine,
  import: runImport,
  list: runList,
  remove: runRemove,
};

/** `nsbook rootfs ...` */
export const rootfsCommand: CliCommand = {
  syntax: ROOTFS_SYNTAX,
  async run(args) {
    const sub = subcommandOf(args, ROOTFS_SYNTAX);
    const run = SUBCOMMANDS[sub.name] as (parsed: Parsed) => Promise<number>;
    return run(parseCommandLine(sub.args, sub.syntax));
  },
};
