// Names of root filesystems: they become folder names under <dataDir>/rootfs, so no path tricks.
import { RootfsError } from "./rootfs-error.js";

/** Longest accepted rootfs name, in characters. */
export const MAX_ROOTFS_NAME_LENGTH = 64;

const NAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * Throws a {@link RootfsError} unless `name` is 1..64 characters of [a-z0-9._-] starting with a letter or
 * digit (so never "", ".", ".." nor anything with a "/"); returns it unchanged.
 */
export function validateRootfsName(name: string, option = "name"): string {
  if (typeof name !== "string" || name.length === 0) {
    throw new RootfsError(`${option} must not be empty: give the root filesystem a name such as "alpine"`);
  }
  if (name.length > MAX_ROOTFS_NAME_LENGTH) {
    throw new RootfsError(
      `${option} ${JSON.stringify(name)} is ${name.length} characters long: use at most ${MAX_ROOTFS_NAME_LENGTH}`,
    );
  }
  if (!NAME_PATTERN.test(name)) {
    throw new RootfsError(
      `${option} ${JSON.stringify(name)} is not a valid root filesystem name: use lowercase letters, digits, ` +
        `".", "_" and "-", starting with a letter or digit (no "/", no "..")`,
    );
  }
  return name;
}
