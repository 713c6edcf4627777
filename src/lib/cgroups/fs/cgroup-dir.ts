// Creating and removing one cgroup directory, runc style: rmdir is retried while the kernel still counts
// processes that are exiting.
import { mkdir, rmdir } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { CgroupFileError } from "./cgroup-file-error.js";

/** Creates the cgroup directory `path` (its parent must exist); resolves false when it already existed. */
export async function makeCgroupDir(path: string): Promise<boolean> {
  try {
    await mkdir(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new CgroupFileError("mkdir", path, e);
  }
}

/** Options for {@link removeCgroupDir}. */
export interface RemoveCgroupDirOptions {
  /** Keep retrying EBUSY (processes still exiting) for this long, in milliseconds. @default 5000 */
  timeoutMs?: number;
}

/**
 * Removes the cgroup directory `path`. Idempotent: a directory that is already gone is fine. A cgroup can
 * only be removed once it has no processes and no child cgroups; right after a SIGKILL the kernel may still
 * count dying processes for a few milliseconds, so EBUSY is retried with a growing delay until `timeoutMs`.
 */
export async function removeCgroupDir(path: string, options: RemoveCgroupDirOptions = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  let delayMs = 5;
  for (;;) {
    try {
      await rmdir(path);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return;
      if (code !== "EBUSY" || Date.now() >= deadline) throw new CgroupFileError("rmdir", path, e);
    }
    await sleep(delayMs);
    delayMs = Math.min(delayMs * 2, 100);
  }
}
