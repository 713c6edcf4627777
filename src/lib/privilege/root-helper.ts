// How a user who is not root gets nsbook run as root without a password: the course's sudo rule, or sudo
// that asks no password anyway. bin/nsbook-kernel makes the same choice for the Jupyter kernel, in shell.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { userInfo } from "node:os";

/** Where scripts/kernel-access.sh installs the root helpers (scripts/kernel/root-helper-path.sh says the same). */
export const ROOT_HELPER_DIR = "/usr/local/libexec/nsbook";

/** The root-owned program the course's sudo rule lets `user` run: `root-for-<user>` (check | kernel | cli). */
export function rootHelperPath(user: string): string {
  return `${ROOT_HELPER_DIR}/root-for-${user}`;
}

/** A way to run nsbook as root without a password, and what it is. */
export interface PasswordlessRoot {
  /** "course-rule": the rule of scripts/kernel-access.sh; "sudo": sudo asks this user no password at all. */
  via: "course-rule" | "sudo";
  /** The argv that runs the nsbook CLI (dist/cli/main.js) as root, to be followed by its arguments. */
  cliPrefix: string[];
}

function succeeds(argv: string[]): boolean {
  const r = spawnSync(argv[0] as string, argv.slice(1), { stdio: "ignore", timeout: 10_000 });
  return r.status === 0;
}

/**
 * How this (non-root) process can run the nsbook CLI at `cliScript` as root without a password, if at all:
 * the course's rule first (it is what the Jupyter kernel uses), then passwordless sudo. `sudo -n` never asks.
 */
export function passwordlessRoot(cliScript: string): PasswordlessRoot | undefined {
  const helper = rootHelperPath(userInfo().username);
  if (existsSync(helper) && succeeds(["sudo", "-n", helper, "check"]))
    return { via: "course-rule", cliPrefix: ["sudo", "-n", helper, "cli"] };
  if (succeeds(["sudo", "-n", "true"]))
    return {
      via: "sudo",
      cliPrefix: ["sudo", "-n", "--", "env", "NSBOOK_ROOT_VIA=sudo", process.execPath, cliScript, "--"],
    };
  return undefined;
}
