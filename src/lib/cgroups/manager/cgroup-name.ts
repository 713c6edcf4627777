// The directory name of a container's cgroups: "nsbook-<name>", so cleanup and leak checks can find them.

/** Prefix of every cgroup nsbook creates. */
export const CGROUP_PREFIX = "nsbook-";

/**
 * The cgroup directory name for container `name` (always prefixed, so containers "web" and "nsbook-web" never
 * share one); throws a user-facing error for a name unfit for a path.
 */
export function cgroupDirName(name: string): string {
  if (typeof name !== "string" || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(name)) {
    throw Object.assign(
      new Error(
        `name: ${JSON.stringify(name)} cannot name a cgroup; use 1 to 63 letters, digits, "_", "." or "-", starting with a letter or digit`,
      ),
      { userFacing: true },
    );
  }
  return `${CGROUP_PREFIX}${name}`;
}
