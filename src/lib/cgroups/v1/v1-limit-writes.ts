// Which cgroup v1 files to write, with which values, for a set of validated limits (pure).
import type { CgroupLimits } from "../limits/limits.js";
import type { CgroupWrite } from "../manager/cgroup-write.js";

/** What is already set in the cgroup, when it matters for the order of writes. */
export interface V1CurrentLimits {
  /** memory.memsw.limit_in_bytes now, in bytes; undefined when unlimited. */
  memswLimitBytes?: number;
}

/**
 * The v1 writes for `limits`, in the order the kernel accepts them.
 *
 * v1 insists that memory.limit_in_bytes <= memory.memsw.limit_in_bytes at all times (EINVAL otherwise), so
 * raising the memory limit above the current memory+swap limit must write memsw first; otherwise memory goes
 * first (runc does the same). Swap is written as memsw = memory + swap, and only when a swap limit is given:
 * the memsw files exist only with swap accounting (CONFIG_MEMCG_SWAP, swapaccount=1).
 */
export function v1LimitWrites(limits: CgroupLimits, current: V1CurrentLimits = {}): CgroupWrite[] {
  const out: CgroupWrite[] = [];
  if (limits.memoryBytes !== undefined) {
    const memory: CgroupWrite = {
      controller: "memory",
      file: "memory.limit_in_bytes",
      value: String(limits.memoryBytes),
    };
    if (limits.swapBytes !== undefined) {
      const memsw: CgroupWrite = {
        controller: "memory",
        file: "memory.memsw.limit_in_bytes",
        value: String(limits.memoryBytes + limits.swapBytes),
      };
      const memswFirst =
        current.memswLimitBytes !== undefined && limits.memoryBytes > current.memswLimitBytes;
      out.push(...(memswFirst ? [memsw, memory] : [memory, memsw]));
    } else {
      out.push(memory);
    }
  }
  if (limits.cpuQuotaUs !== undefined && limits.cpuPeriodUs !== undefined) {
    out.push({ controller: "cpu", file: "cpu.cfs_period_us", value: String(limits.cpuPeriodUs) });
    out.push({ controller: "cpu", file: "cpu.cfs_quota_us", value: String(limits.cpuQuotaUs) });
  }
  if (limits.cpuShares !== undefined)
    out.push({ controller: "cpu", file: "cpu.shares", value: String(limits.cpuShares) });
  if (limits.pidsMax !== undefined)
    out.push({ controller: "pids", file: "pids.max", value: String(limits.pidsMax) });
  return out;
}
