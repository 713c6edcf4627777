// `nsbook shell NAME`: an interactive shell inside a running container, on this terminal.
import { execInContainer } from "../../lib/index.js";
import type { CliCommand } from "../command.js";
import { exitStatusOf, withTerminalSignalsIgnored } from "../foreground.js";
import { type CommandSyntax, parseCommandLine, usageOf } from "../options.js";
import { enterScopeOf } from "../scope-of.js";
import { singleContainerName } from "../single-name.js";

/** `nsbook shell`'s syntax: no options of its own but --help. */
export const SHELL_SYNTAX: CommandSyntax = {
  command: "nsbook shell",
  tail: "NAME",
  options: [],
  notes: [
    "/bin/sh inside a running container, on this terminal (nsbook exec NAME /bin/sh, with a prompt that",
    "shows the container's hostname).",
  ],
};

const USAGE = usageOf(SHELL_SYNTAX);

export const shellCommand: CliCommand = {
  syntax: SHELL_SYNTAX,
  async run(args) {
    const name = await enterScopeOf(singleContainerName(parseCommandLine(args, SHELL_SYNTAX).words, USAGE));
    if (!process.stdin.isTTY)
      process.stderr.write(`nsbook shell: stdin is not a terminal; reading commands from it\n`);
    // The prompt shows the container's hostname, so it is plain which side of the wall the shell is on.
    const result = await withTerminalSignalsIgnored(() =>
      execInContainer(name, ["/bin/sh"], { stdio: "inherit", env: { PS1: "\\h:\\w# " } }),
    );
    return exitStatusOf(result.exitCode, result.signal);
  },
};
