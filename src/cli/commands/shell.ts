// `nsbook shell NAME`: an interactive shell inside a running container, on this terminal.
import { execInContainer } from "../../lib/container/index.js";
import type { CliCommand } from "../command.js";
import { enterScopeOf } from "../scope-of.js";
import { singleContainerName } from "../single-name.js";
import { exitStatusOf, withTerminalSignalsIgnored } from "./run.js";

const USAGE = "nsbook shell NAME";

export const shellCommand: CliCommand = {
  name: "shell",
  summary: "open an interactive shell inside a running container",
  usage: USAGE,
  async run(args) {
    const name = await enterScopeOf(singleContainerName(args, USAGE));
    if (!process.stdin.isTTY)
      process.stderr.write(`nsbook shell: stdin is not a terminal; reading commands from it\n`);
    // The prompt shows the container's hostname, so it is plain which side of the wall the shell is on.
    const result = await withTerminalSignalsIgnored(() =>
      execInContainer(name, ["/bin/sh"], { stdio: "inherit", env: { PS1: "\\h:\\w# " } }),
    );
    return exitStatusOf(result.exitCode, result.signal);
  },
};
