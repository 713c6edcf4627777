// Swap, as the memory controller sees it: whether this machine swaps at all (/proc/swaps), and whether the
// kernel accounts swap for cgroups here, so that a `swap: 0` limit can be written. Notebook 06's memory demo
// forbids swap only when both hold.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CgroupDetection } from "../types.js";

/** True when a swap device or file is in use (/proc/swaps lists more than its header). */
export function swapInUse(swapsText?: string): boolean {
  let text = swapsText;
  if (text === undefined) {
    try {
      text = readFileSync("/proc/swaps", "utf8");
    } catch {
      return false;
    }
  }
  return text.split("\n").filter((l) => l.trim() !== "").length > 1;
}

/**
 * True when the kernel accounts swap for the memory controller below our cgroup (v1 memory.memsw.* files,
 * v2 memory.swap.max), so a `swap: 0` limit can be written. The v2 root cgroup has no memory.swap.max of its
 * own: there a child cgroup's file answers.
 */
export function swapAccounted(detection: CgroupDetection): boolean {
  const p = detection.controllers.find((c) => c.controller === "memory");
  if (!p?.usable || !p.parentDir) return false;
  const file = p.version === 1 ? "memory.memsw.limit_in_bytes" : "memory.swap.max";
  if (existsSync(join(p.parentDir, file))) return true;
  if (p.version !== 2) return false;
  try {
    return readdirSync(p.parentDir, { withFileTypes: true }).some(
      (e) => e.isDirectory() && existsSync(join(p.parentDir as string, e.name, file)),
    );
  } catch {
    return false;
  }
}

/**
 * True when a memory demo should also forbid swap (`swap: 0`): the machine swaps and the kernel accounts it.
 * With swap, a limited group's memory is pushed out to disk instead of the group being OOM-killed. Without
 * swap there is nothing to forbid, and on cgroup v1 leaving the memory+swap limit unset keeps the limit hits
 * in memory.failcnt (recent kernels, 6.18 here, keep memory.memsw.failcnt at 0).
 */
export function shouldForbidSwap(detection: CgroupDetection): boolean {
  return swapInUse() && swapAccounted(detection);
}
