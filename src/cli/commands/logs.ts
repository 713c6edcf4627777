// `nsbook logs NAME`: what a detached container's init and command printed.
import { containerLogs } from "../../lib/container/index.js";
import type { CliCommand } from "../command.js";
import { UsageError } from "../usage-error.js";

const USAGE = "nsbook logs NAME";

export const logsCommand: CliCommand = {
  name: "logs",
  summary: "print what a detached container's command wrote (stdout and stderr)",
  usage: USAGE,
  async run(args) {
    if (args.length !== 1 || args[0]?.startsWith("-")) {
      throw new UsageError(
        args.length === 0 ? "which container? give its NAME" : "give exactly one NAME",
        USAGE,
      );
    }
    process.stdout.write(await containerLogs(args[0] as string));
    return 0;
  },
};
