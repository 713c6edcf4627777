// Whether the default root filesystem is there.
import { lstatSync } from "node:fs";
import { join } from "node:path";
import { defaultRootfsDir } from "../../core/paths.js";
import type { DefaultRootfsFacts } from "../facts.js";

// lstat, not stat: bin/sh is usually a symlink whose target only resolves inside the rootfs.
const present = (path: string): boolean => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/** Looks for bin/busybox and bin/sh in the default root filesystem. */
export function readRootfs(dir: string = defaultRootfsDir()): DefaultRootfsFacts {
  return { dir, hasBusybox: present(join(dir, "bin/busybox")), hasSh: present(join(dir, "bin/sh")) };
}
