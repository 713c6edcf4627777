// Which mounts sit inside a directory: a rootfs with /proc or a bind mount inside it is in use, and deleting
// it recursively would reach into what is mounted there.
import { readFile, realpath } from "node:fs/promises";
import { parseMountInfo } from "../proc/index.js";

/**
 * Mount points at or below `dir` in this process's mount namespace (none when `dir` does not exist), deepest
 * first and, on one mount point, the latest first: the order to unmount them in.
 */
export async function mountsUnder(dir: string): Promise<string[]> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  const mounts = parseMountInfo(await readFile("/proc/self/mountinfo", "utf8"));
  return mounts
    .filter((m) => m.mountPoint === real || m.mountPoint.startsWith(`${real}/`))
    .sort((a, b) => b.mountPoint.length - a.mountPoint.length || b.mountId - a.mountId)
    .map((m) => m.mountPoint);
}
