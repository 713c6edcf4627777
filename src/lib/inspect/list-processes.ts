// Reader of every process our /proc shows (what `ps -e` would list from here).
import { readdir } from "node:fs/promises";
import { type ProcessInfo, readProcess } from "./read-process.js";

/** PIDs of all processes (thread group leaders) in /proc, ascending. */
export async function listProcessIds(): Promise<number[]> {
  const names = await readdir("/proc");
  return names
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .sort((a, b) => a - b);
}

/** Reads every process in /proc, skipping those that exit while we read; ascending by PID. */
export async function readAllProcesses(): Promise<ProcessInfo[]> {
  const pids = await listProcessIds();
  const all = await Promise.all(pids.map((pid) => readProcess(pid)));
  return all.filter((p): p is ProcessInfo => p !== undefined);
}
