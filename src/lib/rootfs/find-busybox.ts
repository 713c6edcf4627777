// Finds the host's busybox and makes sure it is static: only a static binary runs inside an empty chroot.
import { createHash } from "node:crypto";
import { access, constants, readFile } from "node:fs/promises";
import { delimiter, isAbsolute, join, resolve } from "node:path";
import { runHost } from "../host/index.js";
import { type BusyboxApplet, parseBusyboxApplets, parseBusyboxBanner } from "./busybox-applets.js";
import { parseElfLoadInfo } from "./elf-interpreter.js";
import { RootfsError } from "./rootfs-error.js";

/** The host's static busybox, as the default root filesystem is built from it. */
export interface HostBusybox {
  /** Absolute path of the binary. */
  path: string;
  /** e.g. "1.35.0 (Debian 1:1.35.0-4+deb12u1+b1)". */
  version: string;
  /** sha256 of the binary (hex), to notice when the host's busybox changes. */
  sha256: string;
  /** Its applets and where busybox would install each. */
  applets: BusyboxApplet[];
}

const FIX =
  "install the static build with `sudo apt-get install busybox-static` (it replaces the `busybox` package)";

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where to look, in order: $PATH, then Debian's /bin/busybox and /usr/bin/busybox. */
function candidates(): string[] {
  const fromPath = (process.env.PATH ?? "")
    .split(delimiter)
    .filter((d) => isAbsolute(d))
    .map((d) => join(d, "busybox"));
  return [...new Set([...fromPath, "/bin/busybox", "/usr/bin/busybox"])];
}

/**
 * Finds busybox (at `path` when given, else on PATH or at /bin/busybox), checks that it is static by reading
 * its ELF program headers (a PT_INTERP header means it needs a dynamic loader), and asks it for its version
 * and applets. Throws a {@link RootfsError} with the fix when it is missing or dynamic.
 */
export async function findHostBusybox(path?: string): Promise<HostBusybox> {
  let found: string | undefined;
  if (path !== undefined) {
    found = resolve(path);
    if (!(await isExecutable(found))) {
      throw new RootfsError(
        `busybox ${JSON.stringify(path)} does not exist or is not executable: give the path of a static busybox, or ${FIX}`,
      );
    }
  } else {
    for (const c of candidates()) {
      if (await isExecutable(c)) {
        found = c;
        break;
      }
    }
    if (!found)
      throw new RootfsError(
        `no busybox found on PATH nor at /bin/busybox: the default root filesystem is built from it; ${FIX}`,
      );
  }
  const binary = await readFile(found);
  let interpreter: string | undefined;
  try {
    interpreter = parseElfLoadInfo(binary).interpreter;
  } catch (e) {
    throw new RootfsError(`${found} is not an ELF executable (${(e as Error).message}): ${FIX}`, {
      cause: e,
    });
  }
  if (interpreter) {
    throw new RootfsError(
      `${found} is linked dynamically (it needs the loader ${interpreter} and shared libraries), so it cannot run ` +
        `inside a root filesystem that holds only busybox: ${FIX}`,
    );
  }
  const banner = await runHost([found], { what: "ask busybox for its version", allowFailure: true });
  const version = parseBusyboxBanner(banner.stdout + banner.stderr);
  if (!version)
    throw new RootfsError(`${found} did not print a BusyBox banner: is it really busybox? ${FIX}`);
  const full = await runHost([found, "--list-full"], { what: "list busybox applets", allowFailure: true });
  const list = full.failed ? await runHost([found, "--list"], { what: "list busybox applets" }) : full;
  const applets = parseBusyboxApplets(list.stdout);
  if (applets.length === 0) throw new RootfsError(`${found} --list printed no applets: ${FIX}`);
  return { path: found, version, sha256: createHash("sha256").update(binary).digest("hex"), applets };
}
