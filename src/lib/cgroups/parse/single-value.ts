// Parsers for cgroup files holding one value: a number, or a limit that may be "max" (v2) / -1 or a huge
// number (v1).

/**
 * v1 reports "no memory limit" as the largest page-aligned counter (9223372036854771712 with 4 KiB pages,
 * different with other page sizes). Anything at or above 2^60 bytes is "unlimited".
 */
const V1_UNLIMITED_AT = 2 ** 60;

function number(text: string, what: string): number {
  const t = text.trim();
  if (!/^-?\d+$/.test(t)) throw new SyntaxError(`${what}: not a number: ${JSON.stringify(text)}`);
  return Number(t);
}

/** Parses a file holding one whole number, e.g. memory.current or cpuacct.usage. */
export function parseCgroupNumber(text: string): number {
  return number(text, "cgroup file");
}

/** Parses a v2 limit ("max" or a number), e.g. memory.max, pids.max; undefined means unlimited. */
export function parseV2Limit(text: string): number | undefined {
  if (text.trim() === "max") return undefined;
  return number(text, "cgroup v2 limit");
}

/** Parses v1 memory.limit_in_bytes / memory.memsw.limit_in_bytes; undefined means unlimited. */
export function parseV1MemoryLimit(text: string): number | undefined {
  const n = number(text, "cgroup v1 memory limit");
  return n >= V1_UNLIMITED_AT || n < 0 ? undefined : n;
}

/** Parses v1 pids.max ("max" or a number); undefined means unlimited. */
export const parseV1PidsMax = parseV2Limit;

/** Parses v1 cpu.cfs_quota_us; -1 (no quota) becomes undefined. */
export function parseV1CpuQuota(text: string): number | undefined {
  const n = number(text, "cpu.cfs_quota_us");
  return n < 0 ? undefined : n;
}
