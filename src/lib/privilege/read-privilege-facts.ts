// The I/O half of privilege detection: try sudo and a user namespace for real, read the sysctls.
import { readFile } from "node:fs/promises";
import { formatCommand, runHost } from "../host/index.js";
import type { CommandOutcome, PrivilegeFacts } from "./types.js";

/** Options for {@link readPrivilegeFacts}. */
export interface ReadPrivilegeFactsOptions {
  /** Give up on each tried command after this long, in milliseconds. @default 10000 */
  timeoutMs?: number;
  /** Aborting stops the commands being tried. */
  signal?: AbortSignal;
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, "utf8")).trim();
  } catch {
    return undefined;
  }
}

/** Runs `argv` and records how it ended, never throwing. */
export async function tryCommand(
  argv: readonly string[],
  options: ReadPrivilegeFactsOptions = {},
): Promise<CommandOutcome> {
  const command = formatCommand(argv);
  try {
    const r = await runHost(argv, {
      allowFailure: true,
      timeoutMs: options.timeoutMs ?? 10_000,
      signal: options.signal,
    });
    const stderr = r.stderr.trim() || (r.exitCode === undefined && r.hint ? r.hint : "");
    return {
      command,
      argv,
      ok: !r.failed,
      ...(r.exitCode !== undefined ? { exitCode: r.exitCode } : {}),
      stderr,
    };
  } catch (e) {
    return { command, argv, ok: false, stderr: e instanceof Error ? e.message : String(e) };
  }
}

/** The uid an unprivileged user namespace is tried as, when the caller is root: nobody. */
const NOBODY = "65534";

/**
 * Tries what a container with a user namespace does (step 09, `--userns`): an unprivileged process creates a user
 * namespace and maps itself to root in it. As root, the try runs as nobody (setpriv), because the restrictions
 * distributions add (Ubuntu's AppArmor sysctl, Debian's unprivileged_userns_clone) do not apply to root.
 */
export function probeUnprivilegedUserns(options: ReadPrivilegeFactsOptions = {}): Promise<CommandOutcome> {
  const userns = ["unshare", "--user", "--map-root-user", "true"];
  const asNobody = ["setpriv", `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", "--", ...userns];
  return tryCommand(process.geteuid?.() === 0 ? asNobody : userns, options);
}

/** Captures the privilege facts of the calling process. */
export async function readPrivilegeFacts(options: ReadPrivilegeFactsOptions = {}): Promise<PrivilegeFacts> {
  const uid = process.geteuid?.() ?? -1;
  const [sudo, userns, apparmor, clone, max, status] = await Promise.all([
    uid === 0 ? undefined : tryCommand(["sudo", "-n", "true"], options),
    tryCommand(["unshare", "--user", "--map-root-user", "true"], options),
    readText("/proc/sys/kernel/apparmor_restrict_unprivileged_userns"),
    readText("/proc/sys/kernel/unprivileged_userns_clone"),
    readText("/proc/sys/user/max_user_namespaces"),
    readText("/proc/self/status"),
  ]);
  const via = process.env.NSBOOK_ROOT_VIA;
  const capEff = status ? /^CapEff:\s*([0-9a-f]+)/m.exec(status)?.[1] : undefined;
  return {
    uid,
    ...(sudo ? { sudo } : {}),
    ...(userns ? { userns } : {}),
    sysctls: {
      ...(apparmor !== undefined ? { apparmorRestrictUnprivilegedUserns: apparmor } : {}),
      ...(clone !== undefined ? { unprivilegedUsernsClone: clone } : {}),
      ...(max !== undefined ? { maxUserNamespaces: max } : {}),
    },
    ...(capEff ? { capEff } : {}),
    ...(uid === 0 && (via === "course-rule" || via === "sudo") ? { rootVia: via } : {}),
    ...(uid === 0 && process.env.SUDO_USER ? { sudoUser: process.env.SUDO_USER } : {}),
  };
}
