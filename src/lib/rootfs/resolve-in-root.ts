// Resolves a path inside a root filesystem the way a process chrooted into it would (like Go's
// filepath-securejoin), so nsbook never follows a rootfs symlink out onto the host.
import { lstat, readlink } from "node:fs/promises";
import { join } from "node:path";

/** Most symlinks followed in one resolution before giving up, like the kernel's ELOOP limit. */
const MAX_SYMLINKS = 40;

/**
 * The host path that `path` (absolute or relative, read inside the rootfs `root`) names once every symlink is
 * resolved with `root` as "/": `/bin/sh -> /bin/busybox` gives `<root>/bin/busybox`, never the host's
 * /bin/busybox, and `..` stops at `root`. Missing components are kept as they are, so the result may not
 * exist. Throws an Error with code ELOOP after 40 symlinks.
 *
 * Why: absolute symlinks are normal in root filesystems (Alpine's /bin/sh -> /bin/busybox). Using
 * `fs.stat(join(root, "bin/sh"))` on the host would follow them out of the rootfs.
 */
export async function resolveInRoot(root: string, path: string): Promise<string> {
  const done: string[] = [];
  let todo = path.split("/");
  let links = 0;
  while (todo.length > 0) {
    const part = todo.shift() as string;
    if (part === "" || part === ".") continue;
    if (part === "..") {
      done.pop();
      continue;
    }
    const hostPath = join(root, ...done, part);
    let target: string | undefined;
    try {
      if ((await lstat(hostPath)).isSymbolicLink()) target = await readlink(hostPath);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT" && (e as NodeJS.ErrnoException).code !== "ENOTDIR")
        throw e;
    }
    if (target === undefined) {
      done.push(part);
      continue;
    }
    if (++links > MAX_SYMLINKS) {
      throw Object.assign(new Error(`too many levels of symbolic links resolving ${path} in ${root}`), {
        code: "ELOOP",
      });
    }
    if (target.startsWith("/")) done.length = 0;
    todo = [...target.split("/"), ...todo];
  }
  return join(root, ...done);
}
