// Detection at collection time: describeWhen needs its answer before any hook runs, and a CommonJS test file
// cannot await at the top level, so the synchronous reader is used.
import { detectCgroupsSync } from "../../../src/lib/cgroups/detect/index.js";
import type { CgroupDetection } from "../../../src/lib/cgroups/types.js";

/** cgroup detection for this process, now. */
export function detectCgroupsNow(): CgroupDetection {
  return detectCgroupsSync();
}
