// `nsbook kill [-s SIGNAL] NAME...`: a signal for containers' commands, as `docker kill`.
import { CONTAINER_SIGNALS, type StopSignal, signalContainer } from "../../lib/index.js";
import type { CliCommand } from "../command.js";
import { type CommandSyntax, parseCommandLine, usageOf } from "../options.js";
import { enterScopeOf } from "../scope-of.js";
import { badOption, UsageError } from "../usage-error.js";

/** `nsbook kill`'s options, once: the parser reads this table and `--help` is generated from it. */
export const KILL_SYNTAX: CommandSyntax = {
  command: "nsbook kill",
  tail: "NAME...",
  options: [
    {
      name: "signal",
      short: "s",
      value: "SIGNAL",
      default: "SIGKILL",
      help: `the signal, by name (TERM, SIGTERM) or number: ${CONTAINER_SIGNALS.join(", ")}`,
    },
  ],
  notes: [
    "As docker kill: the signal goes to each container's command; the container stays, with its state, until",
    "`nsbook stop NAME` removes it.",
  ],
};

const USAGE = usageOf(KILL_SYNTAX);

/** "TERM", "sigterm", "SIGTERM" or "15" as one of the signals nsbook sends; undefined for anything else. Pure. */
export function signalNamed(text: string): StopSignal | undefined {
  const upper = text.trim().toUpperCase();
  const name = /^\d+$/.test(upper)
    ? CONTAINER_SIGNALS.find((s) => signalNumber(s) === Number(upper))
    : CONTAINER_SIGNALS.find((s) => s === upper || s === `SIG${upper}`);
  return name;
}

function signalNumber(signal: StopSignal): number {
  return { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGUSR1: 10, SIGUSR2: 12, SIGTERM: 15 }[signal];
}

export const killCommand: CliCommand = {
  syntax: KILL_SYNTAX,
  async run(args) {
    const parsed = parseCommandLine(args, KILL_SYNTAX);
    const given = parsed.values.signal as string;
    const positionals = parsed.words;
    if (positionals.length === 0)
      throw new UsageError("which containers? give their NAMEs (see `nsbook ps`)", USAGE);
    const signal = signalNamed(given);
    if (!signal) {
      throw badOption(USAGE, {
        option: "--signal",
        value: given,
        why: "not one nsbook sends",
        fix: `one of ${CONTAINER_SIGNALS.join(", ")} (or its number)`,
      });
    }
    let status = 0;
    for (const given of positionals) {
      const name = await enterScopeOf(given);
      const reached = await signalContainer(name, signal);
      if (reached.length === 0) {
        process.stderr.write(`nsbook kill: ${name}: its command is not running (see \`nsbook ps\`)\n`);
        status = 1;
      } else {
        process.stdout.write(`${name}\n`);
      }
    }
    return status;
  },
};
