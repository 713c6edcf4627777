// The error a learner sees when a root filesystem cannot be made, found or removed: message only, no stack.

/** What went wrong, with which file or URL, why, and what to do. The CLI prints the message and exits 1. */
export class RootfsError extends Error {
  override readonly name = "RootfsError";
  /** Marks the error as meant for the user (see src/cli/main.ts). */
  readonly userFacing = true;
  /** Set when a rootfs of the same name appeared while this one was being built (a concurrent build). */
  readonly appeared: boolean;
  constructor(message: string, options?: { cause?: unknown; appeared?: boolean }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.appeared = options?.appeared ?? false;
  }
}
