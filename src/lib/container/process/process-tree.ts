// Children and descendants of a process, from /proc/PID/task/TID/children (or a scan of /proc without it).
import { readdir, readFile } from "node:fs/promises";
import { readStat } from "../../inspect/process-identity.js";

async function numericEntries(dir: string): Promise<number[]> {
  try {
    return (await readdir(dir)).filter((n) => /^\d+$/.test(n)).map(Number);
  } catch {
    return [];
  }
}

/** Parses the text of a /proc/PID/task/TID/children file ("123 456 "). */
export function parseChildren(text: string): number[] {
  return text
    .split(/\s+/)
    .filter((s) => /^\d+$/.test(s))
    .map(Number);
}

async function childrenByScan(pid: number): Promise<number[]> {
  const out: number[] = [];
  for (const p of await numericEntries("/proc")) {
    const stat = await readStat(p).catch(() => undefined);
    if (stat?.ppid === pid) out.push(p);
  }
  return out;
}

/**
 * PIDs of the direct children of `pid` (empty when it has none or is gone). The children files exist when the
 * kernel has CONFIG_PROC_CHILDREN (Debian, Ubuntu, WSL2 do); otherwise every /proc/PID/stat is scanned.
 */
export async function childrenOf(pid: number): Promise<number[]> {
  const tids = await numericEntries(`/proc/${pid}/task`);
  const out = new Set<number>();
  for (const tid of tids) {
    try {
      for (const c of parseChildren(await readFile(`/proc/${pid}/task/${tid}/children`, "utf8"))) out.add(c);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT" && tids.length > 0) {
        if ((await readStat(pid)) === undefined) return [];
        return childrenByScan(pid);
      }
    }
  }
  return [...out];
}

/** Every descendant of `pid` (children first), without `pid` itself. */
export async function descendantsOf(pid: number): Promise<number[]> {
  const out: number[] = [];
  let level = [pid];
  const seen = new Set<number>([pid]);
  while (level.length > 0) {
    const next: number[] = [];
    for (const p of level) {
      for (const c of await childrenOf(p)) {
        if (seen.has(c)) continue;
        seen.add(c);
        out.push(c);
        next.push(c);
      }
    }
    level = next;
  }
  return out;
}
