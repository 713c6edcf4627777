// `nsbook run`: a container for one command (exit code passed through), or a detached one with --detach.
import { constants } from "node:os";
import { parseArgs } from "node:util";
import { LimitError } from "../../lib/cgroups/limits/limit-error.js";
import type { ResourceLimitsInput } from "../../lib/cgroups/limits/limits.js";
import { parseSize, SIZE_FORMAT_HELP } from "../../lib/cgroups/limits/parse-size.js";
import { validateLimits } from "../../lib/cgroups/limits/validate-limits.js";
import {
  parseNamespaceList,
  type RunResult,
  runContainer,
  startContainer,
} from "../../lib/container/index.js";
import type { CliCommand } from "../command.js";
import { hardeningFromFlags } from "../hardening-flags.js";
import { overlayFromFlags } from "../overlay-flags.js";
import { UsageError } from "../usage-error.js";
import { usernsFromFlags } from "../userns-flags.js";
import { networkFromFlags, runOnBridge } from "./run-network.js";

const USAGE =
  "nsbook run [--name N] [--hostname H] [--ns pid,mount,uts,ipc,net] [--rootfs DIR] [--workdir DIR] " +
  "[--env K=V]... [--pivot-root] [--cap-drop CAP[,CAP...]]... [--readonly-paths] [--no-new-privs] [--memory SIZE [--memory-swap SIZE]] [--cpus N] [--pids N] [--userns [--userns-uid UID] [--userns-gid GID]] " +
  "[--overlay [--keep-upper] [--layer NAME]...] [--detach] " +
  "[--net none|bridge [--bridge NAME] [--subnet CIDR]] -- CMD [ARG...]";

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
 * The line `nsbook run` prints on stderr after the container ended, when its cgroups tell more than its exit code:
 * an OOM kill ("killed: out of memory (limit 32 MiB, peak 32 MiB)"), forks refused at the process limit.
 */
export function exitLine(
  result: Pick<RunResult, "exitCode" | "oomKilled" | "exitMessage">,
): string | undefined {
  if (!result.exitMessage) return undefined;
  if (result.oomKilled) return result.exitMessage;
  return result.exitMessage === `exited with code ${result.exitCode}` ? undefined : result.exitMessage;
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

/** The command-line flag of each limit, for messages. */
const LIMIT_FLAGS: Readonly<Record<string, string>> = {
  memory: "--memory",
  swap: "--memory-swap",
  cpus: "--cpus",
  pids: "--pids",
};

/**
 * The container's resource limits from `--memory`, `--memory-swap`, `--cpus` and `--pids`, validated here so a
 * bad value is a usage error naming the flag; undefined when none is given (no cgroups at all).
 *
 * `--memory-swap` means what it means to Docker: memory and swap together, at least `--memory` ("-1": swap
 * unlimited). nsbook's limits count swap on top of memory, so it becomes `swap = memory-swap - memory`.
 */
export function resourcesFromFlags(
  values: { memory?: string; "memory-swap"?: string; cpus?: string; pids?: string },
  usage: string,
): ResourceLimitsInput | undefined {
  const limits: ResourceLimitsInput = {};
  if (values.memory !== undefined) limits.memory = values.memory;
  if (values.cpus !== undefined) limits.cpus = values.cpus;
  if (values.pids !== undefined) limits.pids = values.pids;
  const total = values["memory-swap"];
  if (total !== undefined && total.trim() !== "-1") {
    if (values.memory === undefined)
      throw new UsageError("--memory-swap needs --memory (it is memory and swap together)", usage);
    const memory = parseSize(values.memory);
    const both = parseSize(total);
    if (both === undefined) {
      throw new UsageError(
        `--memory-swap: ${JSON.stringify(total)} is not a size; ${SIZE_FORMAT_HELP}`,
        usage,
      );
    }
    if (memory !== undefined && both < memory) {
      throw new UsageError(
        `--memory-swap ${total} is less than --memory ${values.memory}: it counts memory and swap together`,
        usage,
      );
    }
    if (memory !== undefined) limits.swap = both - memory;
  }
  if (Object.keys(limits).length === 0) return undefined;
  try {
    validateLimits(limits);
  } catch (e) {
    if (!(e instanceof LimitError)) throw e;
    const flag = LIMIT_FLAGS[e.option] ?? e.option;
    throw new UsageError(`${flag}${e.message.slice(e.option.length)}`, usage);
  }
  return limits;
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
      "cap-drop": { type: "string", multiple: true },
      "readonly-paths": { type: "boolean" },
      "no-new-privs": { type: "boolean" },
      memory: { type: "string", short: "m" },
      "memory-swap": { type: "string" },
      cpus: { type: "string" },
      pids: { type: "string" },
      detach: { type: "boolean", short: "d" },
      net: { type: "string" },
      bridge: { type: "string" },
      subnet: { type: "string" },
      userns: { type: "boolean" },
      "userns-uid": { type: "string" },
      "userns-gid": { type: "string" },
      overlay: { type: "boolean" },
      "keep-upper": { type: "boolean" },
      layer: { type: "string", multiple: true },
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
      // Without --pivot-root the library chooses: chroot, or pivot_root when hardening is asked for.
      rootSwitch: values["pivot-root"] ? ("pivot_root" as const) : undefined,
      ...hardeningFromFlags(values, USAGE),
      command,
      resources: resourcesFromFlags(values, USAGE),
      ...networkFromFlags(values, USAGE),
      userns: usernsFromFlags(values, USAGE),
      overlay: overlayFromFlags(values, USAGE),
    };
    if (values.detach) {
      const c = await startContainer(options);
      process.stdout.write(`${c.name}\n`);
      return 0;
    }
    if (options.network === "bridge") return runOnBridge(options);
    const result = await withTerminalSignalsIgnored(() => runContainer({ ...options, stdio: "inherit" }));
    const line = exitLine(result);
    if (line) process.stderr.write(`nsbook run: ${line}\n`);
    return exitStatusOf(result.exitCode, result.signal);
  },
};
