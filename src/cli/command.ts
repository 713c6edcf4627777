// The shape every `nsbook <command>` module has.
import type { CommandSyntax } from "./options.js";

/** One CLI subcommand. */
export interface CliCommand {
  /** e.g. "doctor" */
  name: string;
  /** One line for `nsbook help`. */
  summary: string;
  /** Usage line(s), e.g. "nsbook doctor [--json]". */
  usage: string;
  /**
   * The option table of a command that runs a command (`run`, `exec`): `--help` is generated from it, and only
   * nsbook's own words are searched for `--help` (after the first non-option word, they are the command's).
   */
  syntax?: CommandSyntax;
  /**
   * The exit status when nsbook itself fails (a wrong option, a container that cannot start), where it must not
   * be mistaken for the command's own: 125 for `run` and `exec`, as docker. @default 2 for a usage error, 1 else
   */
  ownFailureExit?: number;
  /** Runs the command with the arguments after its name; resolves with the process exit code. */
  run(args: string[]): Promise<number>;
}
