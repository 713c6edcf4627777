// Deletes a named root filesystem, never while something is mounted inside it.
import { randomBytes } from "node:crypto";
import { lstat, rename } from "node:fs/promises";
import { join } from "node:path";
import { rootfsDir } from "../core/paths.js";
import { rootfsParentDir } from "./list-rootfs.js";
import { mountsUnder } from "./mounts-under.js";
import { RootfsError } from "./rootfs-error.js";
import { validateRootfsName } from "./rootfs-name.js";
import { removeTree } from "./staging.js";

/**
 * Removes `rootfsDir(name)`: refuses while anything is mounted inside it (a running container's /proc, a bind
 * mount; deleting recursively would reach into them), renames it to a trash folder first so a half-deleted
 * rootfs is never visible under its name, then deletes it. Resolves false when there was nothing to remove.
 */
export async function removeRootfs(name: string): Promise<boolean> {
  validateRootfsName(name);
  const dir = rootfsDir(name);
  const s = await lstat(dir).catch(() => undefined);
  if (!s) return false;
  if (!s.isDirectory())
    throw new RootfsError(`${dir} is not a directory: remove it by hand if it should not be there`);
  const mounts = await mountsUnder(dir);
  if (mounts.length > 0) {
    throw new RootfsError(
      `root filesystem "${name}" is in use: ${mounts.join(", ")} ${mounts.length === 1 ? "is" : "are"} mounted inside it. ` +
        "Stop the containers that use it (`nsbook stop --all`), then remove it.",
    );
  }
  const trash = join(
    rootfsParentDir(),
    `.nsbook-trash-${name}-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
  await rename(dir, trash);
  await removeTree(trash);
  return true;
}
