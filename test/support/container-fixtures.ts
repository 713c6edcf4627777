// What container tests share: a throw-away rootfs and run directory, and the checks that nothing of ours is
// left behind (processes, state folders, mounts).
import { chmodSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { findMarkedProcesses } from "../../src/lib/container/index.js";
import { buildBusyboxRootfs } from "../../src/lib/rootfs/index.js";

/** A temporary NSBOOK_HOME holding a busybox rootfs, and a temporary NSBOOK_RUN_DIR. */
export interface ContainerSandbox {
  /** The temporary data directory (mode 755, so another user can reach the rootfs). */
  home: string;
  /** The busybox root filesystem inside it. */
  rootfs: string;
  /** The temporary run directory (container state). */
  runDir: string;
  /** Restores the environment and deletes both directories. */
  dispose(): void;
}

/**
 * Points NSBOOK_HOME and NSBOOK_RUN_DIR at new temporary folders and builds the default busybox rootfs in it
 * (the rootfs module's own builder: the host's static busybox plus the files a container needs).
 */
export async function makeContainerSandbox(prefix = "nsbook-ctr-test-"): Promise<ContainerSandbox> {
  const previous = { home: process.env.NSBOOK_HOME, run: process.env.NSBOOK_RUN_DIR };
  const home = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(home, 0o755);
  const runDirectory = join(home, "run");
  process.env.NSBOOK_HOME = home;
  process.env.NSBOOK_RUN_DIR = runDirectory;
  const built = await buildBusyboxRootfs();
  return {
    home,
    rootfs: built.dir,
    runDir: runDirectory,
    dispose() {
      if (previous.home === undefined) delete process.env.NSBOOK_HOME;
      else process.env.NSBOOK_HOME = previous.home;
      if (previous.run === undefined) delete process.env.NSBOOK_RUN_DIR;
      else process.env.NSBOOK_RUN_DIR = previous.run;
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Container folders left in `runDirectory`. */
export function stateDirsIn(runDirectory: string): string[] {
  try {
    return readdirSync(runDirectory).sort();
  } catch {
    return [];
  }
}

/** Live processes carrying the marker of a container under `runDirectory`. */
export async function markedProcesses(runDirectory: string): Promise<number[]> {
  return (await findMarkedProcesses(resolve(runDirectory))).map((p) => p.pid);
}

/** Mount points at or below `dir` in this process's mount namespace. */
export function mountsUnder(dir: string): string[] {
  const real = resolve(dir);
  return readFileSync("/proc/self/mountinfo", "utf8")
    .split("\n")
    .map((l) => l.split(" ")[4] ?? "")
    .map((p) => p.replace(/\\040/g, " "))
    .filter((p) => p === real || p.startsWith(`${real}/`));
}

/** The namespace inode link of a process, e.g. "pid:[4026532201]"; undefined when it is gone. */
export function nsLink(pid: number | "self", ns: string): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/ns/${ns}`);
  } catch {
    return undefined;
  }
}

/** One process as the host sees it. */
export interface HostProcess {
  pid: number;
  ppid: number;
  state: string;
  comm: string;
}

function statOf(pid: number): HostProcess | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = text.lastIndexOf(")");
    const rest = text.slice(close + 2).split(" ");
    return {
      pid,
      comm: text.slice(text.indexOf("(") + 1, close),
      state: rest[0] ?? "",
      ppid: Number(rest[1]),
    };
  } catch {
    return undefined;
  }
}

/** Every process (zombies included) whose pid namespace is `pidNs` (a link like "pid:[4026532201]"). */
export function processesInPidNamespace(pidNs: string): HostProcess[] {
  const out: HostProcess[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (nsLink(pid, "pid") !== pidNs) continue;
    const stat = statOf(pid);
    if (stat) out.push(stat);
  }
  return out;
}

/** Processes whose argv[0] is unshare or nsenter and whose command line names `needle` (a path, a --target=PID). */
export function toolProcessesMentioning(needles: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0");
    } catch {
      continue;
    }
    const tool = (argv[0] ?? "").split("/").pop();
    if (tool !== "unshare" && tool !== "nsenter") continue;
    const line = argv.join(" ");
    if (needles.some((n) => line.includes(n))) out.push(`${name}: ${line.slice(0, 200)}`);
  }
  return out;
}

/** Polls `probe` every 20 ms until it returns true (false after `timeoutMs`). */
export async function eventually(
  probe: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}
