// Checks user limits and converts them to kernel units before any cgroup file is written.
import {
  CPU_SHARES_MAX,
  CPU_SHARES_MIN,
  CPU_WEIGHT_MAX,
  CPU_WEIGHT_MIN,
  cpuSharesToWeight,
  cpuWeightToShares,
} from "./cpu-weight.js";
import { LimitError } from "./limit-error.js";
import type { CgroupLimits, ResourceLimitsInput } from "./limits.js";
import { CPUS_FORMAT_HELP, cpusToQuotaUs, parseCpus } from "./parse-cpus.js";
import { formatSize, parseSize, SIZE_FORMAT_HELP } from "./parse-size.js";

/** Smallest memory limit accepted: below this not even a shell starts. */
export const MEMORY_MIN_BYTES = 1024 * 1024;
/** CFS bounds the kernel enforces (EINVAL otherwise), in microseconds. */
export const CPU_PERIOD_MIN_US = 1000;
export const CPU_PERIOD_MAX_US = 1_000_000;
export const CPU_QUOTA_MIN_US = 1000;
/** The CFS period used when none is given, in microseconds (the kernel's default). */
export const CPU_PERIOD_DEFAULT_US = 100_000;
/** Largest pids.max: the kernel's PID_MAX_LIMIT (4194304). */
export const PIDS_MAX_LIMIT = 4_194_304;

const KNOWN = new Set(["memory", "swap", "cpus", "cpuPeriodUs", "cpuWeight", "cpuShares", "pids"]);

/** A whole number given as a number or as digits ("64", from a command line); undefined otherwise. */
function wholeNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isSafeInteger(v) ? v : undefined;
  if (typeof v === "string" && /^\s*\d+\s*$/.test(v)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return undefined;
}

function size(option: string, value: unknown): number {
  if (typeof value !== "number" && typeof value !== "string")
    throw new LimitError(option, value, SIZE_FORMAT_HELP);
  const bytes = parseSize(value);
  if (bytes === undefined) throw new LimitError(option, value, SIZE_FORMAT_HELP);
  return bytes;
}

/**
 * Validates `input` and returns the kernel values. Throws {@link LimitError} (an InvalidOptionError) naming the option,
 * the bad value and what is allowed: nothing reaches the kernel that it would refuse with a bare EINVAL.
 */
export function validateLimits(input: ResourceLimitsInput): CgroupLimits {
  if (typeof input !== "object" || input === null) {
    throw new LimitError("limits", input, 'give an object such as { memory: "100M", cpus: 0.5, pids: 64 }');
  }
  for (const key of Object.keys(input)) {
    if (!KNOWN.has(key))
      throw new LimitError(
        key,
        (input as Record<string, unknown>)[key],
        `known limits are ${[...KNOWN].join(", ")}`,
      );
  }
  const out: CgroupLimits = {};

  if (input.memory !== undefined) {
    const bytes = size("memory", input.memory);
    if (bytes < MEMORY_MIN_BYTES) {
      throw new LimitError(
        "memory",
        input.memory,
        `the smallest memory limit is ${formatSize(MEMORY_MIN_BYTES)} ("1M")`,
      );
    }
    out.memoryBytes = bytes;
  }
  if (input.swap !== undefined) {
    if (out.memoryBytes === undefined) {
      throw new LimitError(
        "swap",
        input.swap,
        "a swap limit needs a memory limit too (swap is counted on top of memory)",
      );
    }
    out.swapBytes = size("swap", input.swap);
  }

  if (input.cpuPeriodUs !== undefined) {
    const p = wholeNumber(input.cpuPeriodUs);
    if (p === undefined || p < CPU_PERIOD_MIN_US || p > CPU_PERIOD_MAX_US) {
      throw new LimitError(
        "cpuPeriodUs",
        input.cpuPeriodUs,
        `the CFS period is a whole number of microseconds from ${CPU_PERIOD_MIN_US} to ${CPU_PERIOD_MAX_US}`,
      );
    }
    if (input.cpus === undefined)
      throw new LimitError("cpuPeriodUs", input.cpuPeriodUs, "a period only means something with `cpus`");
  }
  if (input.cpus !== undefined) {
    const periodUs = wholeNumber(input.cpuPeriodUs) ?? CPU_PERIOD_DEFAULT_US;
    const cpus =
      typeof input.cpus === "number" || typeof input.cpus === "string" ? parseCpus(input.cpus) : undefined;
    if (cpus === undefined) throw new LimitError("cpus", input.cpus, CPUS_FORMAT_HELP);
    const minCpus = CPU_QUOTA_MIN_US / periodUs;
    if (cpus < minCpus) {
      throw new LimitError(
        "cpus",
        input.cpus,
        `the smallest CPU limit with a ${periodUs} us period is ${minCpus} (a quota of ${CPU_QUOTA_MIN_US} us)`,
      );
    }
    if (cpus > 1024) throw new LimitError("cpus", input.cpus, "the largest CPU limit is 1024 cores");
    out.cpuQuotaUs = cpusToQuotaUs(cpus, periodUs);
    out.cpuPeriodUs = periodUs;
  }

  if (input.cpuWeight !== undefined && input.cpuShares !== undefined) {
    throw new LimitError(
      "cpuShares",
      input.cpuShares,
      "give either cpuWeight (cgroup v2 scale) or cpuShares (v1 scale), not both",
    );
  }
  if (input.cpuWeight !== undefined) {
    const w = wholeNumber(input.cpuWeight);
    if (w === undefined || w < CPU_WEIGHT_MIN || w > CPU_WEIGHT_MAX) {
      throw new LimitError(
        "cpuWeight",
        input.cpuWeight,
        `the CPU weight is a whole number from ${CPU_WEIGHT_MIN} to ${CPU_WEIGHT_MAX} (100 is the default)`,
      );
    }
    out.cpuWeight = w;
    out.cpuShares = cpuWeightToShares(w);
  }
  if (input.cpuShares !== undefined) {
    const s = wholeNumber(input.cpuShares);
    if (s === undefined || s < CPU_SHARES_MIN || s > CPU_SHARES_MAX) {
      throw new LimitError(
        "cpuShares",
        input.cpuShares,
        `CPU shares are a whole number from ${CPU_SHARES_MIN} to ${CPU_SHARES_MAX} (1024 is the default)`,
      );
    }
    out.cpuShares = s;
    out.cpuWeight = cpuSharesToWeight(s);
  }

  if (input.pids !== undefined) {
    const n = wholeNumber(input.pids);
    if (n === undefined || n < 1 || n > PIDS_MAX_LIMIT) {
      throw new LimitError(
        "pids",
        input.pids,
        `the process limit is a whole number from 1 to ${PIDS_MAX_LIMIT}`,
      );
    }
    out.pidsMax = n;
  }
  return out;
}
