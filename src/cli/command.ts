// The shape every `nsbook <command>` module has.
import type { CommandGroup, CommandSyntax } from "./options.js";

/** One CLI command, as its module exports it (its name and summary are in commands/index.ts). */
export interface CliCommand {
  /**
   * Its options and words, declared once (options.ts): the parser reads this table, and the usage and `--help`
   * are generated from it. A command made of subcommands (`rootfs`, `layers`, `network`) has one per subcommand.
   */
  syntax: CommandSyntax | CommandGroup;
  /**
   * The exit status when nsbook itself fails (a wrong option, a container that cannot start), where it must not
   * be mistaken for the command's own: 125 for `run` and `exec`, as docker. @default 2 for a usage error, 1 else
   */
  ownFailureExit?: number;
  /** Runs the command with the arguments after its name; resolves with the process exit code. */
  run(args: string[]): Promise<number>;
}
