// Parser for cgroup v2 cpu.max: "$QUOTA $PERIOD" in microseconds, the quota "max" when unlimited.

/** A CFS bandwidth limit; quotaUs undefined means no limit. */
export interface CpuMax {
  quotaUs?: number;
  periodUs: number;
}

/** Parses cpu.max text such as "max 100000" or "20000 100000". */
export function parseCpuMax(text: string): CpuMax {
  const m = /^\s*(max|\d+)\s+(\d+)\s*$/.exec(text);
  if (!m) throw new SyntaxError(`not a cpu.max value: ${JSON.stringify(text)}`);
  const periodUs = Number(m[2]);
  return m[1] === "max" ? { periodUs } : { quotaUs: Number(m[1]), periodUs };
}

/** Formats a quota and period the way cpu.max wants them written. */
export function formatCpuMax(quotaUs: number | undefined, periodUs: number): string {
  return `${quotaUs === undefined ? "max" : quotaUs} ${periodUs}`;
}
