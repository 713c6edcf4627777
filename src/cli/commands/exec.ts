// `nsbook exec NAME -- CMD`: a command inside a running container, on this terminal; exits with its exit code.
import { parseArgs } from "node:util";
import { execInContainer } from "../../lib/container/index.js";
import type { CliCommand } from "../command.js";
import { enterScopeOf } from "../scope-of.js";
import { UsageError } from "../usage-error.js";
import { exitStatusOf, optionError, parseEnvList, splitCommand, withTerminalSignalsIgnored } from "./run.js";

const USAGE = "nsbook exec [--workdir DIR] [--env K=V]... NAME -- CMD [ARG...]";

export const execCommand: CliCommand = {
  name: "exec",
  summary: "run a command inside a running container (its namespaces, root and working directory)",
  usage: USAGE,
  async run(args) {
    const split = splitCommand(args);
    let parsed: { values: { workdir?: string; env?: string[] }; positionals: string[] };
    try {
      parsed = parseArgs({
        args: split.options,
        allowPositionals: true,
        strict: true,
        options: { workdir: { type: "string" }, env: { type: "string", multiple: true } },
      });
    } catch (e) {
      throw new UsageError(optionError(e), USAGE);
    }
    const [given, ...rest] = parsed.positionals;
    if (!given) throw new UsageError("which container? give its NAME (see `nsbook ps`)", USAGE);
    const command = split.command ?? rest;
    if (split.command !== undefined && rest.length > 0) {
      throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])} before --`, USAGE);
    }
    if (command.length === 0) throw new UsageError("no command given: add -- CMD [ARG...]", USAGE);
    const env = parseEnvList(parsed.values.env, USAGE);
    const name = await enterScopeOf(given);
    const result = await withTerminalSignalsIgnored(() =>
      execInContainer(name, command, { stdio: "inherit", env, workdir: parsed.values.workdir }),
    );
    return exitStatusOf(result.exitCode, result.signal);
  },
};
