// A user namespace for a container started by root: root inside, an unprivileged host user outside.
import { ContainerError, invalidOption } from "../errors/index.js";

/** The host user and group that root inside the container is, outside. Stored in the spec. */
export interface UsernsMapping {
  /** Host uid that uid 0 inside maps to. */
  hostUid: number;
  /** Host gid that gid 0 inside maps to. */
  hostGid: number;
}

/** What a caller may say about the mapping (`ContainerOptions.userns`). */
export interface UsernsOptions {
  /** Host uid of root inside; not 0 (that would make root inside root outside). @default 65534 (nobody) */
  hostUid?: number;
  /** Host gid of root inside; not 0. @default 65534 (nogroup) */
  hostGid?: number;
}

/** The host user of an unmapped root by default: Debian's and Ubuntu's `nobody`/`nogroup`. */
export const DEFAULT_USERNS_ID = 65534;

// The kernel's largest valid ID is 2^32 - 2 (2^32 - 1 is (uid_t)-1, "no ID").
const MAX_ID = 2 ** 32 - 2;

function validateId(option: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_ID) {
    throw invalidOption(option, value, `must be an integer host ID from 1 to ${MAX_ID}, e.g. 65534 (nobody)`);
  }
  if (value === 0) {
    throw invalidOption(
      option,
      value,
      "would map root inside to root outside, which isolates nothing: use an unprivileged ID such as 65534",
    );
  }
  return value;
}

/**
 * Checks `ContainerOptions.userns`: `true` or an object gives a mapping (defaults applied), `false` or undefined
 * none. Pure.
 */
export function normalizeUserns(value: unknown): UsernsMapping | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return { hostUid: DEFAULT_USERNS_ID, hostGid: DEFAULT_USERNS_ID };
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidOption("userns", value, "must be true, false or { hostUid, hostGid }");
  }
  const v = value as UsernsOptions;
  return {
    hostUid: validateId("userns.hostUid", v.hostUid ?? DEFAULT_USERNS_ID),
    hostGid: validateId("userns.hostGid", v.hostGid ?? DEFAULT_USERNS_ID),
  };
}

/**
 * The argv prefix that makes the rest of a launch (or exec) run as the mapping's host user:
 * `setpriv --reuid=U --regid=G --clear-groups [--pdeathsig KILL] --`.
 *
 * Why drop to the user before unshare rather than ask unshare for the map: util-linux 2.38's unshare writes a
 * one-ID map only from its caller's own IDs. `--map-root-user` writes "0 <euid> 1", `--map-user=N` writes
 * "N <euid> 1" (N is the ID *inside*), so as root the outside ID is always 0. `--map-users=OUTER,INNER,COUNT`
 * can name any outside ID, but it runs newuidmap(1) (shadow's setuid helper, with ranges granted in
 * /etc/subuid), which is not installed here. So the launch first becomes the host user (setpriv; going from
 * uid 0 to a non-zero uid also clears every capability), and then unshare `--map-root-user` writes "0 U 1",
 * exactly as it does for an ordinary user running a rootless container: the user namespace is owned by U, and
 * nothing of root's power comes along. Only one ID is mapped: any other uid inside shows as 65534 (overflow).
 *
 * The change of credentials clears the parent-death signal, so `--pdeathsig` is set again here, after it.
 */
export function dropToHostUserArgv(mapping: UsernsMapping, dieWithLauncher: boolean): string[] {
  const argv = ["setpriv", `--reuid=${mapping.hostUid}`, `--regid=${mapping.hostGid}`, "--clear-groups"];
  if (dieWithLauncher) argv.push("--pdeathsig", "KILL");
  argv.push("--");
  return argv;
}

/** The error for a mapping asked for in rootless mode, where only the caller's own uid can be mapped. */
export function usernsNotInRootless(name: string, mapping: UsernsMapping, ownUid: number): ContainerError {
  return new ContainerError(
    "privilege",
    `container "${name}": userns.hostUid ${mapping.hostUid} cannot be mapped rootless: without newuidmap a user namespace maps only your own uid (${ownUid}); leave hostUid out, or run as root`,
    { container: name },
  );
}
