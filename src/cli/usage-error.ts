// A mistake in how the CLI was called: printed with the usage line, exit code 2, never a stack trace.

import { NsbookError } from "../lib/index.js";

/** Thrown by a command when its arguments are wrong. */
export class UsageError extends NsbookError {
  override readonly name: string = "UsageError";
  /** The usage line(s) of the command that was misused. */
  readonly usage: string;
  constructor(message: string, usage: string) {
    super("usage", message, { userMistake: true });
    this.usage = usage;
  }
}
