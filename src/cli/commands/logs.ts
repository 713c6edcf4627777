// `nsbook logs NAME`: what a detached container's init and command printed.
import { containerLogs, getContainer } from "../../lib/container/index.js";
import type { CliCommand } from "../command.js";
import { enterScopeOf } from "../scope-of.js";
import { singleContainerName } from "../single-name.js";
import { statusText } from "./ps.js";

const USAGE = "nsbook logs NAME";

export const logsCommand: CliCommand = {
  name: "logs",
  summary: "print what a detached container's command wrote (stdout and stderr)",
  usage: USAGE,
  async run(args) {
    const name = await enterScopeOf(singleContainerName(args, USAGE));
    process.stdout.write(await containerLogs(name));
    // How it ended, when its cgroups say more than the log can (an OOM kill leaves no message of its own).
    const exit = await (await getContainer(name)).exitStatus().catch(() => undefined);
    if (exit?.oomKilled) {
      const status = statusText({
        status: "exited",
        exitCode: exit.code,
        oomKilled: true,
        exitMessage: exit.message,
      });
      process.stderr.write(`nsbook logs: ${name} ${status}\n`);
    }
    return 0;
  },
};
