// CPU limits in cores ("0.5", 0.5, "50%") to a CFS quota and period in microseconds.

/** What a CPU limit may look like, for error messages. */
export const CPUS_FORMAT_HELP =
  'give cores as a number or a percentage of one core, e.g. 0.5, "1.5" or "50%"';

/**
 * Parses a CPU limit into cores (0.5 = half of one CPU), or returns undefined when `value` is not one.
 * "50%" is half a core; "150%" is one and a half.
 */
export function parseCpus(value: number | string): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === "%" ? n / 100 : n;
}

/** Converts cores to the CFS quota for `periodUs`: 0.5 cores with a 100000 us period -> 50000 us. */
export function cpusToQuotaUs(cpus: number, periodUs: number): number {
  return Math.round(cpus * periodUs);
}
