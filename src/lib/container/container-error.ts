// The error for a container operation the user can act on: it says which container and what to do.

/** Why a container operation was refused or failed. */
export type ContainerErrorCode =
  | "invalid-option"
  | "not-found"
  | "not-running"
  | "name-in-use"
  | "privilege"
  | "start-failed"
  | "stop-failed";

/** A container operation failed in a way the message explains; the CLI prints it without a stack trace. */
export class ContainerError extends Error {
  override readonly name = "ContainerError";
  /** Printed without a stack trace by the CLI (exit code 1). */
  readonly userFacing = true;
  readonly code: ContainerErrorCode;
  /** The container concerned, when there is one. */
  readonly container?: string;

  constructor(
    code: ContainerErrorCode,
    message: string,
    options: { container?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.container = options.container;
  }
}

/** Shorthand for a refused option: names the option and the bad value. */
export function invalidOption(option: string, value: unknown, what: string): ContainerError {
  return new ContainerError("invalid-option", `${option}: ${JSON.stringify(value)} ${what}`);
}
