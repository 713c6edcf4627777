// The error for a cgroupfs operation that failed: it carries the path, the value written and the errno,
// and says what the errno means for cgroups (runc's "failed to write %q to %q: %w", plus a hint).

import { basename } from "node:path";
import { NsbookError } from "../../errors/index.js";

/** The operation that failed. */
export type CgroupFileOperation = "write" | "read" | "mkdir" | "rmdir";

/** A cgroupfs operation failed. */
export class CgroupFileError extends NsbookError {
  override readonly name: string = "CgroupFileError";
  readonly operation: CgroupFileOperation;
  /** The file or directory. */
  readonly path: string;
  /** What was written, for "write". */
  readonly value?: string;
  /** errno code, e.g. "EINVAL". */
  readonly errno?: string;

  constructor(operation: CgroupFileOperation, path: string, cause: unknown, value?: string) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const hint = cgroupHint(operation, path, code);
    const what = operation === "write" ? `write ${JSON.stringify(value)} to ${path}` : `${operation} ${path}`;
    const reason = code ? `${code} (${errnoText(cause)})` : errnoText(cause);
    super("cgroup-file", `failed to ${what}: ${reason}${hint ? `\n  hint: ${hint}` : ""}`, {
      cause,
      ...(hint ? { hint } : {}),
    });
    this.operation = operation;
    this.path = path;
    this.value = value;
    if (code !== undefined) this.errno = code;
  }
}

function errnoText(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  // Node's message is "EINVAL: invalid argument, open '/path'": keep the words only.
  return message.replace(/^E[A-Z]+:\s*/, "").replace(/,\s*\w+ '.*'$/, "");
}

/** Advice for a learner, from the operation, the file and the errno. */
export function cgroupHint(
  operation: CgroupFileOperation,
  path: string,
  code: string | undefined,
): string | undefined {
  const file = basename(path);
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "changing cgroups needs root (sudo), or a cgroup delegated to your user (systemd: Delegate=yes)";
    case "EROFS":
      return "the cgroup filesystem is mounted read-only here (inside a container? run it with --privileged and, on cgroup v2, --cgroupns=host)";
    case "ENOENT":
      if (operation === "write" || operation === "read") {
        return `${file} does not exist: its controller is not enabled for this cgroup (cgroup v2: the parent's cgroup.subtree_control), or this kernel does not have it`;
      }
      return undefined;
    case "EBUSY":
      if (file === "memory.limit_in_bytes" || file === "memory.memsw.limit_in_bytes") {
        return "cgroup v1 refuses a memory limit below what the cgroup already uses: choose a larger limit or stop some processes first";
      }
      if (file === "cgroup.subtree_control") {
        return "cgroup v2 cannot enable controllers for children of a cgroup that has processes itself (the no-internal-processes rule)";
      }
      if (operation === "rmdir") return "the cgroup still has processes or child cgroups";
      return undefined;
    case "EINVAL":
      if (operation === "write") return `the kernel refused this value for ${file}`;
      return undefined;
    case "ESRCH":
      return "no such process: it has already exited";
    case "ENOSPC":
      if (file === "cgroup.procs")
        return "the cgroup cannot take processes: on v1 cpuset, set cpuset.cpus and cpuset.mems first";
      return undefined;
    case "EOPNOTSUPP":
      if (file === "cgroup.procs")
        return "a cgroup v2 domain cgroup with child cgroups (or a threaded one) cannot take processes";
      return undefined;
    default:
      return undefined;
  }
}
