// Whether a directory can serve as a container's root: it has a shell (or busybox) to run.
import { stat } from "node:fs/promises";
import { resolveInRoot } from "./resolve-in-root.js";

/** Programs one of which a root filesystem must have, as seen from inside it. */
export const ROOTFS_SHELLS: readonly string[] = ["/bin/sh", "/bin/busybox"];

/**
 * True when `/bin/sh` or `/bin/busybox`, resolved inside `dir` (so Alpine's absolute symlink
 * /bin/sh -> /bin/busybox is followed within the rootfs, never to the host's), is an executable file.
 */
export async function looksLikeRootfs(dir: string): Promise<boolean> {
  for (const program of ROOTFS_SHELLS) {
    try {
      const s = await stat(await resolveInRoot(dir, program));
      if (s.isFile() && (s.mode & 0o111) !== 0) return true;
    } catch {
      // try the next one
    }
  }
  return false;
}
