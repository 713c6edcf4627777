// Turns a failed read under /proc/PID into an error that says which process and what to do.
import { NsbookError } from "../errors/index.js";
import type { ProcessRef } from "./process-ref.js";

/** Reading /proc/<pid>/... failed: the process is gone, or we may not look at it. */
export class ProcFileError extends NsbookError {
  override readonly name: string = "ProcFileError";
  /** The file we tried to read. */
  readonly path: string;
  readonly pid: ProcessRef;
  /** errno code of the failure, e.g. "ENOENT". */
  readonly errno?: string;
  /** True when the process no longer exists (ENOENT/ESRCH). */
  readonly processGone: boolean;

  /** `cause` is the failed read's error; `code` overrides its errno code (when there is no error object). */
  constructor(
    pid: ProcessRef,
    path: string,
    cause: unknown,
    code = (cause as NodeJS.ErrnoException | undefined)?.code,
  ) {
    const processGone = code === "ENOENT" || code === "ESRCH";
    const why = processGone
      ? `process ${pid} does not exist (any more): did the container stop? Its host PID may be stale`
      : code === "EACCES" || code === "EPERM"
        ? `not allowed to look at process ${pid}: another user's process needs root (run with sudo)`
        : String((cause as Error | undefined)?.message ?? cause);
    super("proc-file", `reading ${path} failed: ${why}`, cause === undefined ? {} : { cause });
    this.path = path;
    this.pid = pid;
    if (code !== undefined) this.errno = code;
    this.processGone = processGone;
  }
}
