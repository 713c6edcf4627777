// The shape every `nsbook <command>` module has.

/** One CLI subcommand. */
export interface CliCommand {
  /** e.g. "doctor" */
  name: string;
  /** One line for `nsbook help`. */
  summary: string;
  /** Usage line(s), e.g. "nsbook doctor [--json]". */
  usage: string;
  /** Runs the command with the arguments after its name; resolves with the process exit code. */
  run(args: string[]): Promise<number>;
}
