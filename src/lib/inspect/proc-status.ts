// Parser for /proc/PID/status (proc(5)): the fields the course shows, including the PID in every namespace.

/** Real, effective, saved and filesystem IDs from a "Uid:" or "Gid:" line. */
export interface IdSet {
  real: number;
  effective: number;
  saved: number;
  filesystem: number;
}

/** The parts of /proc/PID/status nsbook uses. */
export interface ProcStatus {
  /** Command name (comm), at most 15 bytes; escapes in the file (\n, \\) are undone. */
  name: string;
  /** One-letter state: R, S, D, Z, T, t, X, I. */
  state: string;
  /** State in words: "sleeping", "zombie"... */
  stateName: string;
  /** Thread group ID (the PID `ps` shows), in the namespace of the /proc that was read. */
  tgid: number;
  pid: number;
  /** Parent's PID in the namespace of the /proc that was read; 0 when the parent is not visible there. */
  ppid: number;
  /**
   * PID in each PID namespace the process is in, from the namespace of the /proc that was read down to the
   * process's own: [host PID, ..., PID inside]. From the "NSpid:" line (Linux >= 4.1), else [pid].
   */
  nsPid: number[];
  /** Thread group ID per namespace level, like `nsPid` ("NStgid:"). */
  nsTgid: number[];
  uid: IdSet;
  gid: IdSet;
  /** Number of threads. */
  threads?: number;
  /** True for a kernel thread ("Kthread: 1", Linux >= 6.5); undefined when the kernel does not say. */
  kernelThread?: boolean;
}

// The kernel escapes "\n" and "\" in Name (fs/proc/array.c); a tab stays raw, so only the first tab after
// the colon is the separator.
function unescapeName(s: string): string {
  return s.replace(/\\(n|\\)/g, (_, c: string) => (c === "n" ? "\n" : "\\"));
}

function numbers(value: string | undefined): number[] {
  return (value ?? "").trim().split(/\s+/).filter(Boolean).map(Number);
}

function idSet(value: string | undefined, field: string): IdSet {
  const [real, effective, saved, filesystem] = numbers(value);
  if (real === undefined || effective === undefined || saved === undefined || filesystem === undefined) {
    throw new SyntaxError(`/proc/PID/status: "${field}:" needs 4 numbers, got ${JSON.stringify(value)}`);
  }
  return { real, effective, saved, filesystem };
}

/** Splits the status text into its fields: key -> raw value (the text after "Key:\t"). */
export function parseStatusFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const value = line.slice(colon + 1);
    fields.set(line.slice(0, colon), value.startsWith("\t") ? value.slice(1) : value);
  }
  return fields;
}

/** Parses the text of /proc/PID/status; throws a SyntaxError when a required field is missing. */
export function parseProcStatus(text: string): ProcStatus {
  const f = parseStatusFields(text);
  const need = (key: string): string => {
    const v = f.get(key);
    if (v === undefined) throw new SyntaxError(`/proc/PID/status has no "${key}:" line`);
    return v;
  };
  const name = unescapeName(need("Name"));
  const stateText = need("State").trim();
  const pid = Number(need("Pid"));
  const tgid = Number(need("Tgid"));
  const nsPid = f.has("NSpid") ? numbers(f.get("NSpid")) : [pid];
  const nsTgid = f.has("NStgid") ? numbers(f.get("NStgid")) : [tgid];
  const threads = f.get("Threads");
  const kthread = f.get("Kthread");
  return {
    name,
    state: stateText.charAt(0),
    stateName: /\(([^)]*)\)/.exec(stateText)?.[1] ?? "",
    tgid,
    pid,
    ppid: Number(need("PPid")),
    nsPid,
    nsTgid,
    uid: idSet(need("Uid"), "Uid"),
    gid: idSet(need("Gid"), "Gid"),
    ...(threads === undefined ? {} : { threads: Number(threads) }),
    ...(kthread === undefined ? {} : { kernelThread: kthread.trim() === "1" }),
  };
}
