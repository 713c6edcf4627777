// `nsbook exec NAME CMD [ARG...]`: a command inside a running container, on this terminal; exits with its exit code.
import { execInContainer, SETUP_FAILED_EXIT } from "../../lib/index.js";
import type { CliCommand } from "../command.js";
import { COMMAND_IO_OPTIONS, envFromFlags } from "../env-flags.js";
import { exitStatusOf, withTerminalSignalsIgnored } from "../foreground.js";
import { type CommandSyntax, parseCommandLine, usageOf } from "../options.js";
import { enterScopeOf } from "../scope-of.js";
import { UsageError } from "../usage-error.js";

/** `nsbook exec`'s options, once: the parser reads this table and `--help` is generated from it. */
export const EXEC_SYNTAX: CommandSyntax = {
  command: "nsbook exec",
  passesCommand: true,
  leading: ["NAME"],
  tail: "CMD [ARG...]",
  options: [
    {
      name: "workdir",
      short: "w",
      value: "DIR",
      help: "the working directory inside (default: the container's)",
    },
    ...COMMAND_IO_OPTIONS,
  ],
  notes: [
    "As with docker, the command starts at the first word after NAME that is not an option (or after --):",
    "`nsbook exec web ls -l /`. It joins the container's namespaces and root with nsenter.",
    "Exit status: the command's own; 125 when nsbook itself failed; 126/127 when the command cannot be",
    "executed / is not found; 128+n when signal n ended it.",
  ],
};

const USAGE = usageOf(EXEC_SYNTAX);

export const execCommand: CliCommand = {
  syntax: EXEC_SYNTAX,
  ownFailureExit: SETUP_FAILED_EXIT,
  async run(args) {
    const parsed = parseCommandLine(args, EXEC_SYNTAX);
    const values = parsed.values as { workdir?: string; env?: string[]; "env-file"?: string[] };
    const given = parsed.words[0] as string;
    const command = parsed.command;
    if (command.length === 0) throw new UsageError("no command given: add CMD [ARG...] after NAME", USAGE);
    const env = envFromFlags(values, USAGE);
    const name = await enterScopeOf(given);
    const result = await withTerminalSignalsIgnored(() =>
      execInContainer(name, command, { stdio: "inherit", env, workdir: values.workdir }),
    );
    return exitStatusOf(result.exitCode, result.signal);
  },
};
