// The mode containers run in - root, passwordless sudo, or rootless in a user namespace - chosen once per
// process, and what each mode cannot do, said before anything is created.
import { ContainerError } from "../errors/container-error.js";
import { detectPrivilege } from "./detect-privilege.js";
import type { PrivilegeMode } from "./types.js";

/** A mode that can run containers. */
export type ContainerPrivilege = Exclude<PrivilegeMode, "none">;

const MODES: readonly ContainerPrivilege[] = ["root", "sudo", "rootless"];

/** What each mode cannot do, one line each (shown by errors, `nsbook doctor` and the notebooks). */
export const MODE_LIMITS: Readonly<Record<ContainerPrivilege, readonly string[]>> = {
  root: [],
  sudo: [
    "every host command runs through `sudo -n`, so sudo must not ask for a password",
    "container state lives in your own run directory: `sudo nsbook ps` (as root) does not list your containers",
    "a one-shot run whose launcher is killed with SIGKILL keeps running until `nsbook stop --all`",
    "no resource limits (step 6): nsbook writes cgroup files from its own process; start it as root instead",
  ],
  rootless: [
    "no resource limits: creating cgroups needs root or a delegated cgroup (step 6)",
    "root inside is your own user outside: files of other users stay read-only, and only one ID is mapped",
    "/proc can only be mounted together with a pid namespace",
    "a network namespace has only its own loopback: host-side veths need root",
  ],
};

let detected: Promise<PrivilegeMode> | undefined;

/** The detected mode of this process (root at uid 0, else what `detectPrivilege()` finds), asked once. */
function detectedMode(): Promise<PrivilegeMode> {
  if (process.getuid?.() === 0) return Promise.resolve("root");
  detected ??= detectPrivilege().then((r) => r.mode);
  return detected;
}

/**
 * The mode to use: `option` when given, else the NSBOOK_PRIVILEGE environment variable, else the detected mode
 * (root as uid 0; otherwise passwordless sudo or rootless, as `detectPrivilege()` finds them, asked once per
 * process). Throws, before anything is created, when no mode can run containers or the one asked for is unknown.
 */
export async function resolvePrivilege(option?: PrivilegeMode | string): Promise<ContainerPrivilege> {
  const chosen = option ?? process.env.NSBOOK_PRIVILEGE ?? (await detectedMode());
  if (chosen === "none") {
    throw new ContainerError(
      "privilege",
      "containers cannot be created here: not root, no passwordless sudo, and unprivileged user namespaces are refused. Run `nsbook doctor` for the fix.",
    );
  }
  if (!(MODES as readonly string[]).includes(chosen)) {
    throw new ContainerError(
      "privilege",
      `privilege: ${JSON.stringify(chosen)} is not a mode; use root, sudo or rootless`,
    );
  }
  if (chosen === "root" && process.getuid?.() !== 0) {
    throw new ContainerError(
      "privilege",
      'privilege "root" was asked for but this process is not root: run with sudo, or use "sudo" or "rootless"',
    );
  }
  return chosen as ContainerPrivilege;
}

/** The argv prefix that gives a host command the privileges of `mode` (`sudo -n` in sudo mode, nothing otherwise). */
export function privilegePrefix(mode: ContainerPrivilege): string[] {
  return mode === "sudo" ? ["sudo", "-n"] : [];
}

/** The mode cleanup uses for processes whose state is lost: the detected one, or plain signals when none works. */
export async function privilegeForCleanup(): Promise<ContainerPrivilege> {
  try {
    return await resolvePrivilege();
  } catch {
    return "rootless";
  }
}
