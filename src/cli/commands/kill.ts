// `nsbook kill [-s SIGNAL] NAME...`: a signal for containers' commands, as `docker kill`.
import { parseArgs } from "node:util";
import { CONTAINER_SIGNALS, type StopSignal, signalContainer } from "../../lib/container/index.js";
import type { CliCommand } from "../command.js";
import { enterScopeOf } from "../scope-of.js";
import { UsageError } from "../usage-error.js";

const USAGE = "nsbook kill [-s|--signal SIGNAL] NAME...";

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
  name: "kill",
  summary: "send a signal (default SIGKILL) to containers' commands; the container stays until `nsbook stop`",
  usage: USAGE,
  async run(args) {
    let parsed: { values: { signal?: string }; positionals: string[] };
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: { signal: { type: "string", short: "s" } },
      });
    } catch (e) {
      throw new UsageError((e as Error).message.split(". ")[0] as string, USAGE);
    }
    const { values, positionals } = parsed;
    if (positionals.length === 0)
      throw new UsageError("which containers? give their NAMEs (see `nsbook ps`)", USAGE);
    const signal = values.signal === undefined ? "SIGKILL" : signalNamed(values.signal);
    if (!signal) {
      throw new UsageError(
        `--signal ${JSON.stringify(values.signal)}: not one nsbook sends; one of ${CONTAINER_SIGNALS.join(", ")} (or its number)`,
        USAGE,
      );
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
