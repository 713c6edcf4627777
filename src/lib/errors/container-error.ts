// The error for a container operation: which container, what failed, and what to do.
import { NsbookError } from "./nsbook-error.js";

/** Why a container operation was refused or failed. */
export type ContainerErrorCode =
  | "invalid-option"
  | "not-found"
  | "not-running"
  | "name-in-use"
  | "privilege"
  | "start-failed"
  | "stop-failed";

/** The codes that mean the request itself was wrong (see {@link NsbookError.userMistake}). */
const USER_MISTAKES: readonly ContainerErrorCode[] = [
  "invalid-option",
  "not-found",
  "not-running",
  "name-in-use",
];

/** A container operation failed in a way the message explains. */
export class ContainerError extends NsbookError {
  override readonly name: string = "ContainerError";
  declare readonly code: ContainerErrorCode;
  /** The container concerned, when there is one. */
  readonly container?: string;

  constructor(
    code: ContainerErrorCode,
    message: string,
    options: { container?: string; cause?: unknown; hint?: string } = {},
  ) {
    super(code, message, { ...options, userMistake: USER_MISTAKES.includes(code) });
    if (options.container !== undefined) this.container = options.container;
  }
}
