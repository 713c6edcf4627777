// `nsbook run`: a container for one command (exit code passed through), or a detached one with --detach.
import { constants } from "node:os";
import { parseArgs } from "node:util";
import { parseNamespaceList, runContainer, startContainer } from "../../lib/container/index.js";
import type { CliCommand } from "../command.js";
import { UsageError } from "../usage-error.js";

const USAGE =
  "nsbook run [--name N] [--hostname H] [--ns pid,mount,uts,ipc,net] [--rootfs DIR] [--workdir DIR] " +
  "[--env K=V]... [--pivot-root] [--detach] -- CMD [ARG...]";

/** Splits `args` at the first "--": options before, the container's command after. */
export function splitCommand(args: readonly string[]): { options: string[]; command: string[] | undefined } {
  const at = args.indexOf("--");
  if (at < 0) return { options: [...args], command: undefined };
  return { options: args.slice(0, at), command: args.slice(at + 1) };
}

/** A parseArgs error in a few words: an unknown option usually belongs to the container's command. */
export function optionError(e: unknown): string {
  const message = (e as Error).message;
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown)
    return `unknown option ${unknown[1]}: if it belongs to the container's command, put the command after --`;
  return message.split(". ")[0] ?? message;
}

/** Parses repeated `--env K=V` into an object; a malformed one is a usage error. */
export function parseEnvList(list: readonly string[] | undefined, usage: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const item of list ?? []) {
    const eq = item.indexOf("=");
    if (eq < 1) throw new UsageError(`--env ${JSON.stringify(item)}: expected NAME=VALUE`, usage);
    env[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return env;
}

/** The exit status of a command that ended by a signal, as a shell reports it (128 + signal number). */
export function exitStatusOf(exitCode: number | undefined, signal: string | undefined): number {
  if (exitCode !== undefined) return exitCode;
  const n = signal ? (constants.signals as Record<string, number | undefined>)[signal] : undefined;
  return 128 + (n ?? 9);
}

/**
 * Runs `work` with SIGINT and SIGQUIT ignored by this process: the container's command shares the terminal
 * and gets Ctrl-C itself (a shell inside must survive it), while our death would kill the container.
 */
export async function withTerminalSignalsIgnored<T>(work: () => Promise<T>): Promise<T> {
  const ignore = () => {};
  process.on("SIGINT", ignore);
  process.on("SIGQUIT", ignore);
  try {
    return await work();
  } finally {
    process.off("SIGINT", ignore);
    process.off("SIGQUIT", ignore);
  }
}

function parseRunArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      name: { type: "string" },
      hostname: { type: "string" },
      ns: { type: "string" },
      rootfs: { type: "string" },
      workdir: { type: "string" },
      env: { type: "string", multiple: true },
      "pivot-root": { type: "boolean" },
      detach: { type: "boolean", short: "d" },
    },
  });
}

export const runCommand: CliCommand = {
  name: "run",
  summary: "run a command in a new container (exits with its exit code), or start one with --detach",
  usage: USAGE,
  async run(args) {
    const split = splitCommand(args);
    let parsed: ReturnType<typeof parseRunArgs>;
    try {
      parsed = parseRunArgs(split.options);
    } catch (e) {
      throw new UsageError(optionError(e), USAGE);
    }
    const { values, positionals } = parsed;
    if (split.command !== undefined && positionals.length > 0) {
      throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])} before --`, USAGE);
    }
    const command = split.command ?? (positionals.length > 0 ? positionals : undefined);
    if (command !== undefined && command.length === 0) throw new UsageError("no command after --", USAGE);
    let namespaces: ReturnType<typeof parseNamespaceList> | undefined;
    try {
      namespaces = values.ns === undefined ? undefined : parseNamespaceList(values.ns);
    } catch (e) {
      throw new UsageError((e as Error).message, USAGE);
    }
    const options = {
      name: values.name,
      hostname: values.hostname,
      namespaces,
      rootfs: values.rootfs,
      workdir: values.workdir,
      env: parseEnvList(values.env, USAGE),
      rootSwitch: values["pivot-root"] ? ("pivot_root" as const) : ("chroot" as const),
      command,
    };
    if (values.detach) {
      const c = await startContainer(options);
      process.stdout.write(`${c.name}\n`);
      return 0;
    }
    const result = await withTerminalSignalsIgnored(() => runContainer({ ...options, stdio: "inherit" }));
    return exitStatusOf(result.exitCode, result.signal);
  },
};
