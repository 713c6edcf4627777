// Parser for /proc/PID/stat (proc(5)): one line of space-separated fields, the second one being (comm).

/** The fields of /proc/PID/stat nsbook uses (field numbers as in proc(5)). */
export interface ProcStat {
  /** (1) PID in the namespace of the /proc that was read. */
  pid: number;
  /** (2) Command name without the parentheses; may hold spaces, parentheses and even newlines. */
  comm: string;
  /** (3) One-letter state. */
  state: string;
  /** (4) Parent PID. */
  ppid: number;
  /** (5) Process group ID. */
  pgrp: number;
  /** (6) Session ID. */
  session: number;
  /** (14) Time in user mode, in clock ticks (usually 1/100 s; `getconf CLK_TCK`). */
  utimeTicks: number;
  /** (15) Time in kernel mode, in clock ticks. */
  stimeTicks: number;
  /** (20) Number of threads. */
  threads: number;
  /**
   * (22) When the process started, in clock ticks after boot. Together with the PID it identifies a process
   * for good: a PID can be reused after the process exits, but not with the same start time.
   */
  startTimeTicks: number;
  /** (23) Virtual memory size, in bytes. */
  vsizeBytes: number;
  /** (24) Resident set size, in pages. */
  rssPages: number;
}

/**
 * Parses the text of /proc/PID/stat. comm is whatever the process named itself (up to 15 bytes, any
 * characters, ")" and " " included), so it is the text between the first "(" and the LAST ")": nothing
 * after comm can contain ")". Throws a SyntaxError naming the text when it is not a stat line.
 */
export function parseProcStat(text: string): ProcStat {
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  const rest =
    close > open && open > 0
      ? text
          .slice(close + 1)
          .trim()
          .split(/\s+/)
      : [];
  // rest[0] is field 3 (state), so field n is rest[n - 3].
  const field = (n: number): number => Number(rest[n - 3]);
  if (rest.length < 22 || !/^\d+ $/.test(text.slice(0, open))) {
    throw new SyntaxError(`not a /proc/PID/stat line: ${JSON.stringify(text.slice(0, 120))}`);
  }
  return {
    pid: Number(text.slice(0, open)),
    comm: text.slice(open + 1, close),
    state: rest[0] ?? "",
    ppid: field(4),
    pgrp: field(5),
    session: field(6),
    utimeTicks: field(14),
    stimeTicks: field(15),
    threads: field(20),
    startTimeTicks: field(22),
    vsizeBytes: field(23),
    rssPages: field(24),
  };
}
