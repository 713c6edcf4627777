// Parser for the cgroup "flat keyed" files: one "key value" pair per line (cpu.stat, memory.events,
// memory.stat, pids.events, v1 memory.oom_control, cgroup.events).

/**
 * Parses "key value" lines into numbers by key. Throws a SyntaxError naming the first line that is not
 * "word number" ("max" as a value, as pids.max would have, is not part of these files).
 */
export function parseFlatKeyed(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    const m = /^(\S+)\s+(-?\d+)$/.exec(line);
    if (!m) throw new SyntaxError(`not a "key value" line: ${JSON.stringify(raw)}`);
    out[m[1] as string] = Number(m[2]);
  }
  return out;
}
