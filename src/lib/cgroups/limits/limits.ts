// The limits a container may have: as a user writes them, and as the kernel files want them.

/**
 * Resource limits as a user gives them (human units). Every field is optional: absent means no limit.
 * Whole numbers may also be given as digits ("64"), as a command line passes them.
 */
export interface ResourceLimitsInput {
  /** Memory limit: bytes, or a size with a unit ("512k", "100M", "1.5G"; powers of 1024). At least 1 MiB. @default no limit */
  memory?: number | string;
  /**
   * Swap the container may use on top of `memory` (needs `memory`): a size as for `memory`; 0 forbids swap.
   * Written where the kernel accounts swap (v2 memory.swap.max; v1 memory.memsw.limit_in_bytes = memory + swap).
   * @default the kernel's default (v2: unlimited; v1: memory+swap unlimited)
   */
  swap?: number | string;
  /** CPU limit in cores: 0.5, "1.5" or "50%" (of one core). Becomes a CFS quota per period. @default no limit */
  cpus?: number | string;
  /** CFS period in microseconds (1000..1000000) used with `cpus`. @default 100000 (100 ms) */
  cpuPeriodUs?: number | string;
  /** Relative CPU weight when CPUs are contended, cgroup v2 scale 1..10000 (cpu.shares on v1). @default 100 */
  cpuWeight?: number | string;
  /** The same as `cpuWeight` on the cgroup v1 scale, 2..262144 (cpu.weight on v2). Give one or the other. @default 1024 */
  cpuShares?: number | string;
  /** Most processes (and threads) the container may have at once, at least 1. @default no limit */
  pids?: number | string;
}

/** Validated limits in kernel units. Absent fields are not written. */
export interface CgroupLimits {
  /** memory.max / memory.limit_in_bytes, in bytes. */
  memoryBytes?: number;
  /** Swap on top of memory, in bytes (v2 memory.swap.max; v1 memsw = memoryBytes + swapBytes). */
  swapBytes?: number;
  /** CFS quota per period, in microseconds. Set together with cpuPeriodUs. */
  cpuQuotaUs?: number;
  /** CFS period, in microseconds. */
  cpuPeriodUs?: number;
  /** cpu.weight (v2), 1..10000. Set together with cpuShares. */
  cpuWeight?: number;
  /** cpu.shares (v1), 2..262144: runc's conversion of cpuWeight, or the value given. */
  cpuShares?: number;
  /** pids.max. */
  pidsMax?: number;
}

/** Which controller each limit needs. */
export function controllersForLimits(limits: CgroupLimits): ("memory" | "cpu" | "pids")[] {
  const out: ("memory" | "cpu" | "pids")[] = [];
  if (limits.memoryBytes !== undefined || limits.swapBytes !== undefined) out.push("memory");
  if (limits.cpuQuotaUs !== undefined || limits.cpuWeight !== undefined) out.push("cpu");
  if (limits.pidsMax !== undefined) out.push("pids");
  return out;
}
