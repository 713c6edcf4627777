// The I/O half of cgroup detection: captures from the live host (or a copy of one) what the pure half reads.
// Synchronous on purpose: a handful of tiny cgroupfs files, and tests must decide at collection time
// whether cgroups are usable (describeWhen cannot await in a CommonJS test file).
import { accessSync, constants, existsSync, readFileSync, readlinkSync } from "node:fs";
import { release } from "node:os";
import { join } from "node:path";
import type { CgroupFacts, DirAccess } from "./cgroup-facts.js";
import { cgroupReadPlan, locateCgroups } from "./locate-cgroups.js";

/** Options for {@link readCgroupFacts}. */
export interface ReadCgroupFactsOptions {
  /**
   * Directory that stands for "/": paths are read below it (a copy of a host's /proc and /sys in tests).
   * @default "/"
   */
  root?: string;
  /** Effective uid to report. @default process.geteuid() */
  uid?: number;
  /** Kernel release to report. @default os.release() */
  kernelRelease?: string;
  /** Whether systemd manages cgroups here. @default /run/systemd/system exists (below the root option) */
  systemdManaged?: boolean;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function dirAccessOf(path: string): DirAccess {
  try {
    accessSync(path, constants.W_OK);
    return "writable";
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "not-writable";
  }
}

function nsLink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

/** Reads /proc/self/mountinfo, /proc/self/cgroup and the cgroupfs files detection needs, synchronously. */
export function readCgroupFactsSync(options: ReadCgroupFactsOptions = {}): CgroupFacts {
  const root = options.root ?? "/";
  const at = (path: string) => join(root, path);
  const mountinfo = readText(at("/proc/self/mountinfo")) ?? "";
  const procSelfCgroup = readText(at("/proc/self/cgroup")) ?? "";
  const plan = cgroupReadPlan(locateCgroups(mountinfo, procSelfCgroup));
  const files: Record<string, string> = {};
  for (const f of plan.files) {
    const text = readText(at(f));
    if (text !== undefined) files[f] = text;
  }
  const dirAccess: Record<string, DirAccess> = Object.fromEntries(
    plan.dirs.map((d) => [d, dirAccessOf(at(d))]),
  );
  const self = nsLink(at("/proc/self/ns/cgroup"));
  const init = nsLink(at("/proc/1/ns/cgroup"));
  return {
    mountinfo,
    procSelfCgroup,
    files,
    dirAccess,
    uid: options.uid ?? process.geteuid?.() ?? -1,
    kernelRelease: options.kernelRelease ?? release(),
    cgroupNamespace: { ...(self ? { self } : {}), ...(init ? { init } : {}) },
    systemdManaged: options.systemdManaged ?? existsSync(at("/run/systemd/system")),
  };
}

/** Reads the same as {@link readCgroupFactsSync}, for callers that prefer a promise. */
export async function readCgroupFacts(options: ReadCgroupFactsOptions = {}): Promise<CgroupFacts> {
  return readCgroupFactsSync(options);
}
