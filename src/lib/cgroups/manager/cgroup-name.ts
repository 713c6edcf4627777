// The directory name of a container's cgroups: "nsbook-<name>" ("nsbook-<learner>.<session>.<name>" in a
// learner's scope), so cleanup and leak checks can find them.

import { currentScope } from "../../core/paths.js";
import { NsbookError } from "../../errors/index.js";

/** Prefix of every cgroup nsbook creates. */
export const CGROUP_PREFIX = "nsbook-";

/**
 * The cgroup v2 leaf nsbook moves the processes of the caller's delegated, non-root cgroup into, so that the
 * caller's cgroup can give controllers to the containers' cgroups beside it (see enterDelegatedLeaf). It stays
 * while those processes live; cleanup never removes it.
 */
export const LEAF_CGROUP_NAME = `${CGROUP_PREFIX}leaf`;

/**
 * True when the v2 cgroup path `callerPath` (as /proc/self/cgroup names it) is a systemd scope nsbook started with
 * Delegate=yes - nsbook-<...>.scope, from scripts/kernel/run-kernel.sh or the CLI - or its nsbook-leaf. On a
 * systemd host these are the only cgroups nsbook may organize: systemd hands a delegated unit's subtree to it.
 */
export function isNsbookScope(callerPath: string): boolean {
  const parts = callerPath.split("/").filter(Boolean);
  if (parts.at(-1) === LEAF_CGROUP_NAME) parts.pop();
  const unit = parts.at(-1) ?? "";
  return unit.startsWith(CGROUP_PREFIX) && unit.endsWith(".scope");
}

/**
 * What every cgroup of the current scope's containers starts with: "nsbook-" unscoped, else
 * "nsbook-<learner>.<session>." - two learners' containers of the same name get different cgroups (here, without
 * systemd, every kernel's containers sit below the same parent cgroup), and one scope's cleanup sweeps only its
 * own ("." never occurs in a scope's parts).
 */
export function scopeCgroupPrefix(): string {
  const scope = currentScope();
  return scope ? `${CGROUP_PREFIX}${scope.learner}.${scope.session}.` : CGROUP_PREFIX;
}

/**
 * The cgroup directory name for container `name` in the current scope (always prefixed, so containers "web" and "nsbook-web" never
 * share one); throws a user-facing error for a name unfit for a path.
 */
export function cgroupDirName(name: string): string {
  if (typeof name !== "string" || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(name)) {
    throw new NsbookError(
      "invalid-name",
      `name: ${JSON.stringify(name)} cannot name a cgroup; use 1 to 63 letters, digits, "_", "." or "-", starting with a letter or digit`,
      { userMistake: true },
    );
  }
  if (`${CGROUP_PREFIX}${name}` === LEAF_CGROUP_NAME) {
    throw new NsbookError(
      "invalid-name",
      `name: "${name}" cannot name a container's cgroup: ${LEAF_CGROUP_NAME} is the cgroup v2 leaf where nsbook keeps this session's own processes; choose another name`,
      { userMistake: true },
    );
  }
  return `${scopeCgroupPrefix()}${name}`;
}
