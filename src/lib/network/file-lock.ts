// A lock between processes (and between async tasks of one process): a file created with O_EXCL.
import { open, readFile, rm } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

/** Options for {@link withFileLock}. */
export interface FileLockOptions {
  /** How long to wait for the lock before giving up, in ms. @default 10000 */
  timeoutMs?: number;
}

/** Whether process `pid` exists (a lock whose owner is gone is stale). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Runs `work` while holding the lock file `path`: created with O_EXCL (exactly one creator wins), holding the
 * owner's PID, deleted afterwards. A lock whose owner process is gone (killed mid-way) is broken. Waiters poll;
 * the critical sections here are a few `ip` commands long.
 */
export async function withFileLock<T>(
  path: string,
  work: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const deadline = performance.now() + (options.timeoutMs ?? 10_000);
  for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
    try {
      const handle = await open(path, "wx", 0o600);
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const owner = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
    // An empty file is a lock being written this instant: wait. A dead owner's lock is stale: remove it.
    if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
      await rm(path, { force: true });
      continue;
    }
    if (performance.now() > deadline) {
      throw Object.assign(
        new Error(
          `the lock ${path} is held by process ${owner || "?"} for too long: if no nsbook command is running, delete the file`,
        ),
        { userFacing: true },
      );
    }
    await sleep(delay);
  }
  try {
    return await work();
  } finally {
    await rm(path, { force: true });
  }
}
