// The error a learner sees when a root filesystem cannot be made, found or removed: message only, no stack.
import { NsbookError } from "../errors/index.js";

/** What went wrong, with which file or URL, why, and what to do. The CLI prints the message and exits 1. */
export class RootfsError extends NsbookError {
  override readonly name: string = "RootfsError";
  /** Set when a rootfs of the same name appeared while this one was being built (a concurrent build). */
  readonly appeared: boolean;
  constructor(message: string, options?: { cause?: unknown; appeared?: boolean }) {
    super("rootfs", message, options?.cause === undefined ? {} : { cause: options.cause });
    this.appeared = options?.appeared ?? false;
  }
}
