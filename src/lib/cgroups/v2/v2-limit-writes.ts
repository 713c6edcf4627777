// Which cgroup v2 files to write, with which values, for a set of validated limits (pure).
import type { CgroupLimits } from "../limits/limits.js";
import type { CgroupWrite } from "../manager/cgroup-write.js";
import { formatCpuMax } from "../parse/cpu-max.js";

/** The v2 writes for `limits`. v2 counts swap apart from memory, so memory.swap.max is the swap alone. */
export function v2LimitWrites(limits: CgroupLimits): CgroupWrite[] {
  const out: CgroupWrite[] = [];
  if (limits.memoryBytes !== undefined)
    out.push({ controller: "memory", file: "memory.max", value: String(limits.memoryBytes) });
  if (limits.swapBytes !== undefined)
    out.push({ controller: "memory", file: "memory.swap.max", value: String(limits.swapBytes) });
  if (limits.cpuQuotaUs !== undefined && limits.cpuPeriodUs !== undefined) {
    out.push({
      controller: "cpu",
      file: "cpu.max",
      value: formatCpuMax(limits.cpuQuotaUs, limits.cpuPeriodUs),
    });
  }
  if (limits.cpuWeight !== undefined)
    out.push({ controller: "cpu", file: "cpu.weight", value: String(limits.cpuWeight) });
  if (limits.pidsMax !== undefined)
    out.push({ controller: "pids", file: "pids.max", value: String(limits.pidsMax) });
  return out;
}
