// Detection at collection time: describeWhen needs its answer before any hook runs, and a CommonJS test file
// cannot await at the top level. The same capture as readCgroupFacts, read synchronously, fed to B's pure
// detection (the decision logic is not duplicated).
import { accessSync, constants, readFileSync, readlinkSync } from "node:fs";
import { release } from "node:os";
import {
  type CgroupFacts,
  cgroupReadPlan,
  type DirAccess,
  detectCgroupsFromFacts,
  locateCgroups,
} from "../../../src/lib/cgroups/detect/index.js";
import type { CgroupDetection } from "../../../src/lib/cgroups/types.js";

function text(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function access(path: string): DirAccess {
  try {
    accessSync(path, constants.W_OK);
    return "writable";
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "not-writable";
  }
}

function link(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

/** cgroup detection for this process, now. */
export function detectCgroupsNow(): CgroupDetection {
  const mountinfo = text("/proc/self/mountinfo") ?? "";
  const procSelfCgroup = text("/proc/self/cgroup") ?? "";
  const plan = cgroupReadPlan(locateCgroups(mountinfo, procSelfCgroup));
  const files: Record<string, string> = {};
  for (const f of plan.files) {
    const t = text(f);
    if (t !== undefined) files[f] = t;
  }
  const self = link("/proc/self/ns/cgroup");
  const init = link("/proc/1/ns/cgroup");
  const facts: CgroupFacts = {
    mountinfo,
    procSelfCgroup,
    files,
    dirAccess: Object.fromEntries(plan.dirs.map((d) => [d, access(d)])),
    uid: process.geteuid?.() ?? -1,
    kernelRelease: release(),
    cgroupNamespace: { ...(self ? { self } : {}), ...(init ? { init } : {}) },
  };
  return detectCgroupsFromFacts(facts);
}
