// Killing every process of a set of cgroups: v2 cgroup.kill when the kernel has it (Linux 5.14+),
// otherwise SIGKILL to each PID in cgroup.procs until the cgroups are empty.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { NsbookError } from "../../errors/index.js";
import { parseProcs } from "../parse/procs.js";
import { readCgroupFile, writeCgroupFile } from "./cgroup-file.js";

/** Options for {@link killCgroupProcs}. */
export interface KillCgroupProcsOptions {
  /** Give up (and reject) when processes remain after this long, in milliseconds. @default 5000 */
  timeoutMs?: number;
}

/** The PIDs in `dir`'s cgroup.procs (none when the cgroup does not exist). */
export function cgroupPids(dir: string): number[] {
  const text = readCgroupFile(dir, "cgroup.procs");
  return text === undefined ? [] : parseProcs(text);
}

/**
 * SIGKILLs every process in the cgroups `dirs` and waits until they are gone.
 *
 * The PIDs read from cgroup.procs are processes of our own cgroup, so killing them is ours to do. Without
 * cgroup.kill there is a window between reading the list and the kill in which a process may fork; the loop
 * re-reads until the list is empty (runc freezes the cgroup first to close that window).
 */
export async function killCgroupProcs(
  dirs: readonly string[],
  options: KillCgroupProcsOptions = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  const withKill = dirs.find((d) => existsSync(join(d, "cgroup.kill")));
  if (withKill) await writeCgroupFile(withKill, "cgroup.kill", "1");
  let delayMs = 2;
  for (;;) {
    const pids = [...new Set(dirs.flatMap(cgroupPids))];
    if (pids.length === 0) return;
    if (Date.now() >= deadline) {
      throw new NsbookError(
        "cgroup-busy",
        `processes ${pids.join(", ")} are still in ${dirs.join(", ")} after SIGKILL`,
      );
    }
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGKILL");
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ESRCH") throw e;
      }
    }
    await sleep(delayMs);
    delayMs = Math.min(delayMs * 2, 50);
  }
}
