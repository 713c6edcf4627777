// Commands that take exactly one container NAME (`logs`, `shell`, `stats`): the one check, the one message.
import { UsageError } from "./usage-error.js";

/** The only argument, a container name; a UsageError when there is none, more than one, or an option. */
export function singleContainerName(args: readonly string[], usage: string): string {
  if (args.length !== 1 || args[0]?.startsWith("-")) {
    throw new UsageError(
      args.length === 0 ? "which container? give its NAME (see `nsbook ps`)" : "give exactly one NAME",
      usage,
    );
  }
  return args[0] as string;
}
