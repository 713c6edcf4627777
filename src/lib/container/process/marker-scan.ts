// Finds the processes of nsbook's containers by the marker in their command line, PIDs recorded or not.
import { readdir, readFile } from "node:fs/promises";
import { readStat } from "../../inspect/process-identity.js";
import { INIT_MARKER } from "../init-script.js";

/** A process that carries a container's marker. */
export interface MarkedProcess {
  pid: number;
  startTime: number;
  /** Command name (/proc/PID/stat comm), e.g. "unshare", "sh", "sudo". */
  comm: string;
  ppid: number;
  /** The container state directory named in its command line. */
  stateDir: string;
}

/**
 * The state directory named by `argv` if it carries the marker ("nsbook-init", then a directory under `under`),
 * else undefined. Pure.
 */
export function markedStateDir(argv: readonly string[], under: string): string | undefined {
  const prefix = under.endsWith("/") ? under : `${under}/`;
  for (let i = 0; i + 1 < argv.length; i++) {
    const dir = argv[i + 1] as string;
    if (argv[i] === INIT_MARKER && dir.startsWith(prefix) && !dir.slice(prefix.length).includes("/"))
      return dir;
  }
  return undefined;
}

/**
 * Every live process whose command line carries the marker of a container directory under `runDirectory`
 * (or of exactly `stateDir` when given): unshare, sudo, setpriv, the cgroup-join shell and the init itself all
 * carry it, so a launcher killed right after spawning leaves nothing this scan cannot find. Zombies are left out.
 */
export async function findMarkedProcesses(runDirectory: string, stateDir?: string): Promise<MarkedProcess[]> {
  let pids: number[];
  try {
    pids = (await readdir("/proc")).filter((n) => /^\d+$/.test(n)).map(Number);
  } catch {
    return [];
  }
  const self = process.pid;
  const found: MarkedProcess[] = [];
  await Promise.all(
    pids.map(async (pid) => {
      if (pid === self) return;
      let cmdline: string;
      try {
        cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8");
      } catch {
        return;
      }
      if (!cmdline.includes(INIT_MARKER)) return;
      const dir = markedStateDir(cmdline.split("\0"), runDirectory);
      if (!dir || (stateDir !== undefined && dir !== stateDir)) return;
      const stat = await readStat(pid).catch(() => undefined);
      if (!stat || stat.state === "Z" || stat.state === "X") return;
      found.push({ pid, startTime: stat.startTimeTicks, comm: stat.comm, ppid: stat.ppid, stateDir: dir });
    }),
  );
  return found.sort((a, b) => a.pid - b.pid);
}
