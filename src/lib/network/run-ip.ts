// Runs an `ip` command with the container's privilege prefix (sudo mode needs `sudo -n`).

import { type HostResult, runHost } from "../host/index.js";
import { type ContainerPrivilege, privilegePrefix } from "../privilege/index.js";

/** Runs `argv` (an `ip` or `nsenter` argv) as the privilege mode allows; throws a HostCommandError on failure. */
export function runIp(
  mode: ContainerPrivilege,
  argv: readonly string[],
  what: string,
  allowFailure = false,
): Promise<HostResult> {
  return runHost([...privilegePrefix(mode), ...argv], { what, allowFailure });
}

/** Whether an `ip` error says the device is not there. */
export function deviceMissing(stderr: string): boolean {
  return /does not exist|Cannot find device|No such device/i.test(stderr);
}
