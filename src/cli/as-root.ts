// The nsbook command for a learner who is not root: like podman or docker, they type `nsbook run ...` and
// nsbook runs itself again as root - without a question through the course's sudo rule (or sudo that asks no
// password), or by letting sudo ask for the password once on the terminal. Containers, their state (/run/nsbook)
// and root filesystems (/var/lib/nsbook) are then the same ones the course's root Jupyter kernel uses.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { constants } from "node:os";
import { isNsbookScope, passwordlessRoot, userEnvArgs } from "../lib/index.js";

/** Commands that never need root: they run as the user. */
const AS_USER = new Set(["handouts"]);
/** Commands that run as root only when no password is needed: doctor then reports what the root kernel can do. */
const ROOT_IF_PASSWORDLESS = new Set(["doctor"]);

/** The argv that would run `command args` as root, or undefined when it runs in this process. */
export function rootArgv(command: string, args: readonly string[], cliScript: string): string[] | undefined {
  if (process.getuid?.() === 0 || AS_USER.has(command)) return undefined;
  // Asked for a mode explicitly, or already the root side of a re-run: stay.
  if (process.env.NSBOOK_PRIVILEGE || process.env.NSBOOK_ROOT_VIA) return undefined;
  const quiet = passwordlessRoot(cliScript);
  // sudo drops the environment: the learner's proxy settings go along as arguments (lib/privilege/user-env.ts).
  if (quiet) return [...quiet.cliPrefix, ...userEnvArgs(), command, ...args];
  if (ROOT_IF_PASSWORDLESS.has(command) || !process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  if (spawnSync("sh", ["-c", "command -v sudo"], { stdio: "ignore" }).status !== 0) return undefined;
  process.stderr.write(
    "nsbook: containers need root: asking sudo (the course's rule skips this question: see `./setup.sh --help`)\n",
  );
  return [
    "sudo",
    "--",
    "env",
    "NSBOOK_ROOT_VIA=sudo",
    process.execPath,
    cliScript,
    "--",
    ...userEnvArgs(),
    command,
    ...args,
  ];
}

/** Commands that may create cgroups for a container, and doctor, which reports what they will be able to do. */
const NEED_OWN_SCOPE = new Set(["run", "step", "doctor"]);

/**
 * On a systemd host, the argv that runs `command args` as root inside a transient scope with Delegate=yes, as
 * runc's and podman's systemd drivers do, or undefined when no scope is needed. systemd owns every other
 * cgroup there (the login session's scope included); in its own scope nsbook may create the containers' cgroups
 * (see cgroups/detect/place-v2.ts). A detached container keeps the scope alive until it is stopped.
 */
export function scopeArgv(command: string, args: readonly string[], cliScript: string): string[] | undefined {
  if (process.getuid?.() !== 0 || !NEED_OWN_SCOPE.has(command) || !existsSync("/run/systemd/system"))
    return undefined;
  let own = "";
  try {
    own = /^0::(.*)$/m.exec(readFileSync("/proc/self/cgroup", "utf8"))?.[1] ?? "";
  } catch {
    return undefined;
  }
  if (own === "" || own === "/" || isNsbookScope(own)) return undefined;
  if (spawnSync("systemd-run", ["--version"], { stdio: "ignore" }).status !== 0) return undefined;
  return [
    "systemd-run",
    "--scope",
    "--quiet",
    "--collect",
    "-p",
    "Delegate=yes",
    `--unit=nsbook-cli-${process.pid}`,
    `--description=nsbook ${command}`,
    "--",
    process.execPath,
    cliScript,
    "--",
    command,
    ...args,
  ];
}

/** Runs `argv` instead of this command, with this terminal, and resolves with its exit status (128 + n when a signal ended it). */
export function runInstead(argv: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(argv[0] as string, argv.slice(1), { stdio: "inherit" });
    // Ctrl-C reaches sudo and nsbook through the terminal; this process waits for them to finish.
    const ignore = () => undefined;
    process.on("SIGINT", ignore);
    process.on("SIGTERM", (signal) => child.kill(signal));
    child.on("error", (e) => {
      process.stderr.write(`nsbook: could not run ${argv[0]}: ${e.message}\n`);
      resolve(126);
    });
    child.on("close", (code, signal) => {
      process.off("SIGINT", ignore);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 1));
    });
  });
}
