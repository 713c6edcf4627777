// `nsbook run`: a container for one command (exit code passed through), or a detached one with --detach.
import {
  describeValue,
  generateContainerName,
  InvalidOptionError,
  LimitError,
  parseNamespaceList,
  parseSize,
  type ResourceLimitsInput,
  type RunResult,
  runContainer,
  SETUP_FAILED_EXIT,
  SIZE_FORMAT_HELP,
  signalContainer,
  startContainer,
  validateLimits,
} from "../../lib/index.js";
import type { CliCommand } from "../command.js";
import { COMMAND_IO_OPTIONS, envFromFlags } from "../env-flags.js";
import { exitStatusOf, withTerminalSignalsIgnored } from "../foreground.js";
import { hardeningFromFlags } from "../hardening-flags.js";
import { type CommandSyntax, parseCommandLine, usageOf } from "../options.js";
import { overlayFromFlags } from "../overlay-flags.js";
import { badOption, UsageError } from "../usage-error.js";
import { usernsFromFlags } from "../userns-flags.js";
import { networkFromFlags, runOnBridge } from "./run-network.js";

/** `nsbook run`'s options, once: the parser reads this table and `--help` is generated from it. */
export const RUN_SYNTAX: CommandSyntax = {
  command: "nsbook run",
  passesCommand: true,
  leading: [],
  tail: "[CMD [ARG...]]",
  options: [
    { name: "name", value: "NAME", help: "the container's name (default: a generated nsb-XXXXXX)" },
    { name: "hostname", value: "H", help: "its hostname (uts namespace; default: its name)" },
    {
      name: "ns",
      value: "LIST",
      help: "the namespaces to create, e.g. pid,mount,uts,ipc,net (default: all five)",
    },
    {
      name: "rootfs",
      value: "DIR",
      help: "its root filesystem (default: the course's, see `nsbook rootfs`)",
    },
    { name: "workdir", short: "w", value: "DIR", help: "the working directory inside" },
    ...COMMAND_IO_OPTIONS,
    { name: "rm", help: "accepted for docker's sake: a foreground container is always removed when it ends" },
    {
      name: "init",
      help: "accepted for docker's sake: nsbook always runs an init as PID 1 (the command is PID 2)",
    },
    { name: "detach", short: "d", help: "start it in the background and print its name" },
    { name: "pivot-root", help: "switch the root with pivot_root(2) instead of chroot" },
    {
      name: "cap-drop",
      value: "CAP[,CAP...]",
      multiple: true,
      help: "drop capabilities (ALL for every one)",
    },
    { name: "readonly-paths", help: "mask and make read-only the /proc and /sys paths runc does" },
    { name: "no-new-privs", help: "set no_new_privs: setuid programs gain nothing" },
    { name: "memory", short: "m", value: "SIZE", help: "memory limit, e.g. 64m (cgroup)" },
    {
      name: "memory-swap",
      value: "SIZE",
      help: "memory and swap together, at least --memory (-1: no swap limit)",
    },
    { name: "cpus", value: "N", help: "CPU limit in CPUs, e.g. 0.5" },
    { name: "pids", value: "N", help: "process limit (fork refused beyond it)" },
    { name: "userns", help: "a user namespace: root inside is an unprivileged user outside" },
    { name: "userns-uid", value: "UID", help: "the host uid root inside maps to (with --userns)" },
    { name: "userns-gid", value: "GID", help: "the host gid root inside maps to (with --userns)" },
    { name: "overlay", help: "an overlayfs root: changes go to an upper layer, the rootfs stays untouched" },
    { name: "keep-upper", help: "keep the upper layer after the container (with --overlay)" },
    {
      name: "layer",
      value: "NAME",
      multiple: true,
      help: "a saved layer below the upper one (with --overlay)",
    },
    {
      name: "net",
      value: "none|bridge",
      choices: ["none", "bridge"],
      help: "none: an empty network namespace; bridge: a veth on a bridge",
    },
    { name: "bridge", value: "NAME", help: "the bridge (with --net bridge)" },
    { name: "subnet", value: "CIDR", help: "the bridge's subnet (with --net bridge)" },
  ],
  notes: [
    "nsbook's options come first; the command starts at the first word that is not an option (or after --),",
    "as with docker: `nsbook run sh -c 'ls -l'`. There is no image: the root filesystem is --rootfs.",
    "Exit status, as docker's: the command's own; 125 when nsbook itself failed (a wrong option included);",
    "126 when the command cannot be executed; 127 when it is not found; 128+n when signal n ended it.",
    "SIGTERM, SIGHUP, SIGUSR1 and SIGUSR2 sent to nsbook are passed on to the command; Ctrl-C reaches it",
    "through the terminal. -h is --help (docker's -h is --hostname).",
  ],
};

const USAGE = usageOf(RUN_SYNTAX);

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
 * The flag of each container option the library checks itself, by the library's name for it (its
 * InvalidOptionError names the option): messages name what the learner typed.
 */
const OPTION_FLAGS: Readonly<Record<string, string>> = {
  memory: "--memory",
  swap: "--memory-swap",
  cpus: "--cpus",
  pids: "--pids",
  name: "--name",
  hostname: "--hostname",
  rootfs: "--rootfs",
  workdir: "--workdir",
  env: "-e",
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
      throw badOption(usage, {
        option: "--memory-swap",
        value: total,
        why: "not a size",
        fix: SIZE_FORMAT_HELP,
      });
    }
    if (memory !== undefined && both < memory) {
      throw badOption(usage, {
        option: "--memory-swap",
        value: total,
        why: `less than --memory ${values.memory}`,
        fix: "it counts memory and swap together",
      });
    }
    if (memory !== undefined) limits.swap = both - memory;
  }
  if (Object.keys(limits).length === 0) return undefined;
  try {
    validateLimits(limits);
  } catch (e) {
    if (!(e instanceof LimitError)) throw e;
    throw badOption(usage, {
      option: OPTION_FLAGS[e.option] ?? e.option,
      value: String(e.value),
      why: "not allowed",
      fix: e.allowed,
    });
  }
  return limits;
}

/** The signals `nsbook run` passes on to the container's command, as `docker run` does (its --sig-proxy). */
const FORWARDED_SIGNALS = ["SIGTERM", "SIGHUP", "SIGUSR1", "SIGUSR2"] as const;

/**
 * Runs `work` (a foreground container named `name`) with the signals this process receives passed on to the
 * container's command. Without it, SIGTERM would end nsbook, and the container would die of SIGKILL (its
 * parent-death signal) instead of being asked to stop.
 */
export async function withSignalsForwarded<T>(name: string, work: () => Promise<T>): Promise<T> {
  const handlers = FORWARDED_SIGNALS.map((signal) => {
    const handler = () => {
      signalContainer(name, signal).catch((e: unknown) => {
        process.stderr.write(`nsbook run: could not pass ${signal} on to ${name}: ${(e as Error).message}\n`);
      });
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  try {
    return await work();
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }
}

export const runCommand: CliCommand = {
  syntax: RUN_SYNTAX,
  ownFailureExit: SETUP_FAILED_EXIT,
  async run(args) {
    const parsed = parseCommandLine(args, RUN_SYNTAX);
    const values = parsed.values as RunFlagValues;
    const command = parsed.command.length > 0 ? parsed.command : undefined;
    if (values.rm && values.detach) {
      throw new UsageError(
        "--rm with --detach: nsbook keeps a detached container after it exits, until `nsbook stop NAME` removes it",
        USAGE,
      );
    }
    let namespaces: ReturnType<typeof parseNamespaceList> | undefined;
    try {
      namespaces = values.ns === undefined ? undefined : parseNamespaceList(values.ns);
    } catch (e) {
      if (!(e instanceof InvalidOptionError)) throw e;
      throw badOption(USAGE, { option: "--ns", value: values.ns, why: `${describeValue(e.value)} ${e.why}` });
    }
    const options = {
      // Named here, so that a signal for the command can find the container while it runs.
      name: values.name ?? generateContainerName(),
      hostname: values.hostname,
      namespaces,
      rootfs: values.rootfs,
      workdir: values.workdir,
      env: envFromFlags(values, USAGE),
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
      const c = await startContainer(options).catch(asFlagError);
      process.stdout.write(`${c.name}\n`);
      return 0;
    }
    if (options.network === "bridge") return runOnBridge(options);
    const result = await withTerminalSignalsIgnored(() =>
      withSignalsForwarded(options.name, () => runContainer({ ...options, stdio: "inherit" })),
    ).catch(asFlagError);
    const line = exitLine(result);
    if (line) process.stderr.write(`nsbook run: ${line}\n`);
    return exitStatusOf(result.exitCode, result.signal);
  },
};

/** Rethrows a refused container option as the flag the learner typed (`--workdir "tmp": must be absolute`). */
function asFlagError(e: unknown): never {
  const flag = e instanceof InvalidOptionError ? OPTION_FLAGS[e.option.split(/[.[]/)[0] ?? ""] : undefined;
  if (!flag || !(e instanceof InvalidOptionError)) throw e;
  const value = typeof e.value === "string" ? e.value : describeValue(e.value);
  throw badOption(USAGE, { option: flag, value, why: e.why });
}

/** The values of {@link RUN_SYNTAX}'s options. */
interface RunFlagValues {
  name?: string;
  hostname?: string;
  ns?: string;
  rootfs?: string;
  workdir?: string;
  env?: string[];
  "env-file"?: string[];
  rm?: boolean;
  detach?: boolean;
  "pivot-root"?: boolean;
  "cap-drop"?: string[];
  "readonly-paths"?: boolean;
  "no-new-privs"?: boolean;
  memory?: string;
  "memory-swap"?: string;
  cpus?: string;
  pids?: string;
  net?: string;
  bridge?: string;
  subnet?: string;
  userns?: boolean;
  "userns-uid"?: string;
  "userns-gid"?: string;
  overlay?: boolean;
  "keep-upper"?: boolean;
  layer?: string[];
}
