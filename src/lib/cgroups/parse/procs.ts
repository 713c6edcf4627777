// Parser for cgroup.procs / tasks: one PID per line.

/** Parses the PIDs listed in cgroup.procs (empty file: no processes). */
export function parseProcs(text: string): number[] {
  const out: number[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    if (!/^\d+$/.test(line)) throw new SyntaxError(`not a PID in cgroup.procs: ${JSON.stringify(raw)}`);
    out.push(Number(line));
  }
  return out;
}
