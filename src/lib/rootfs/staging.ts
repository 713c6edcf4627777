// Builds a root filesystem in a temporary folder next to its final place, then renames it into place, so a
// rootfs is either complete or absent: never half-made under its name, even after a crash.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { rootfsDir } from "../core/paths.js";
import { mountsUnder } from "./mounts-under.js";
import { RootfsError } from "./rootfs-error.js";

const LEFTOVER = /^\.nsbook-(staging|trash)-(.+)-(\d+)-[A-Za-z0-9]+$/;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Deletes a directory tree, refusing when anything is mounted inside it (that would be deleted too). */
export async function removeTree(dir: string): Promise<void> {
  const mounts = await mountsUnder(dir);
  if (mounts.length > 0) {
    throw new RootfsError(
      `${dir} is in use: ${mounts.join(", ")} ${mounts.length === 1 ? "is" : "are"} mounted inside it. ` +
        "Stop the containers that use it (`nsbook stop --all`) and try again.",
    );
  }
  await rm(dir, { recursive: true, force: true });
}

/**
 * Deletes staging and trash folders left in `parent` by nsbook processes that no longer run (killed with
 * SIGKILL mid-build, say). Folders of live processes, this one included, are left alone. Returns what it removed.
 */
export async function sweepLeftovers(parent: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(LEFTOVER.exec(name)?.[3]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    try {
      await removeTree(join(parent, name));
      removed.push(join(parent, name));
    } catch {
      // Best effort: a leftover that cannot go now (something mounted inside) must not block a new build.
    }
  }
  return removed;
}

const PARTIAL = /[.-](\d+)(?:-[0-9a-f]+)?\.partial$/;

/**
 * Deletes `*.partial` downloads in `dir` (named `<file>.<pid>.partial` or `import-<name>-<pid>-<hex>.partial`)
 * whose process no longer runs. Returns what it removed.
 */
export async function sweepDeadPartials(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(PARTIAL.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    await rm(join(dir, name), { force: true });
    removed.push(join(dir, name));
  }
  return removed;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Options for {@link installRootfsAtomically}. */
export interface InstallAtomicallyOptions {
  /** Replace a rootfs of the same name (after `populate` succeeded). @default false */
  replace?: boolean;
}

/**
 * Creates `<dataDir>/rootfs/.nsbook-staging-<name>-<pid>-XXXXXX` (mode 0755), lets `populate` fill it, then
 * renames it to `rootfsDir(name)`. An existing rootfs is replaced only with `replace` (moved aside, the new
 * one renamed in, the old one deleted); it is refused while something is mounted inside it. The staging
 * folder is deleted in every case where it was not renamed into place. Returns the final directory.
 */
export async function installRootfsAtomically(
  name: string,
  populate: (stagingDir: string) => Promise<void>,
  options: InstallAtomicallyOptions = {},
): Promise<string> {
  const target = rootfsDir(name);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true, mode: 0o755 });
  await sweepLeftovers(parent);
  const staging = await mkdtemp(join(parent, `.nsbook-staging-${name}-${process.pid}-`));
  try {
    await chmod(staging, 0o755);
    await populate(staging);
    if (!(await exists(target))) {
      try {
        await rename(staging, target);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== "ENOTEMPTY" && code !== "EEXIST") throw e;
        throw new RootfsError(
          `${target} appeared while it was being built (another nsbook made it): try again`,
          { cause: e, appeared: true },
        );
      }
      return target;
    }
    if (!options.replace) {
      throw new RootfsError(
        `a root filesystem named "${name}" already exists at ${target}: use --force to replace it`,
        { appeared: true },
      );
    }
    const mounts = await mountsUnder(target);
    if (mounts.length > 0) {
      throw new RootfsError(
        `cannot replace ${target}: ${mounts.join(", ")} is mounted inside it. Stop the containers that use it ` +
          "(`nsbook stop --all`) and try again.",
      );
    }
    const trash = join(
      parent,
      `.nsbook-trash-${basename(target)}-${process.pid}-${randomBytes(4).toString("hex")}`,
    );
    await rename(target, trash);
    try {
      await rename(staging, target);
    } catch (e) {
      await rename(trash, target);
      throw e;
    }
    await removeTree(trash);
    return target;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
