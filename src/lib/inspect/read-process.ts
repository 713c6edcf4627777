// Reader of one process as the inspection tables show it: status, stat, cmdline and PID namespace.
import { parseCmdline } from "./cmdline.js";
import { parseNamespaceLink } from "./namespace-link.js";
import { ProcFileError } from "./proc-file-error.js";
import { parseProcStat } from "./proc-stat.js";
import { type IdSet, parseProcStatus } from "./proc-status.js";
import type { ProcessRef } from "./process-ref.js";
import { readProcLink, readProcText, unlessGone } from "./read-proc-file.js";

/** One process, with its PID in every PID namespace it belongs to. */
export interface ProcessInfo {
  /** PID in the namespace of our /proc (the host PID when nsbook runs on the host). */
  pid: number;
  /** Parent's PID in the same namespace; 0 when the parent is outside it. */
  ppid: number;
  /** [PID in our namespace, ..., PID in the process's own namespace] ("NSpid:" of /proc/PID/status). */
  nsPid: number[];
  /** Command name (comm). */
  name: string;
  /** Arguments; empty for kernel threads and zombies. */
  cmdline: string[];
  /** One-letter state (R, S, Z...). */
  state: string;
  uid: IdSet;
  gid: IdSet;
  /** Start time in clock ticks after boot (with `pid`, identifies the process for good). */
  startTimeTicks: number;
  /** Inode of the process's PID namespace (/proc/PID/ns/pid); undefined when we may not read the link. */
  pidNamespace?: number;
  /** A kernel thread (no user space, no command line). */
  kernelThread: boolean;
}

/** Reads one process; undefined when it has exited meanwhile. Throws on other read errors. */
export async function readProcess(pid: ProcessRef): Promise<ProcessInfo | undefined> {
  const parts = await unlessGone(() =>
    Promise.all([
      readProcText(pid, "status"),
      readProcText(pid, "stat"),
      readProcText(pid, "cmdline"),
      // Another user's ns links need ptrace access (root); without it the namespace stays unknown.
      readProcLink(pid, "ns/pid").catch((e: unknown) => {
        if (e instanceof ProcFileError && (e.errno === "EACCES" || e.errno === "EPERM")) return undefined;
        throw e;
      }),
    ]),
  );
  if (!parts) return undefined;
  const [statusText, statText, cmdlineText, pidLink] = parts;
  const status = parseProcStatus(statusText);
  const stat = parseProcStat(statText);
  const cmdline = parseCmdline(cmdlineText);
  return {
    pid: status.tgid,
    ppid: status.ppid,
    nsPid: status.nsTgid,
    name: status.name,
    cmdline,
    state: status.state,
    uid: status.uid,
    gid: status.gid,
    startTimeTicks: stat.startTimeTicks,
    pidNamespace: pidLink === undefined ? undefined : parseNamespaceLink(pidLink).inode,
    // Before Linux 6.5 status has no "Kthread:"; kernel threads are then kthreadd (2) and its children.
    kernelThread: status.kernelThread ?? (cmdline.length === 0 && (status.tgid === 2 || status.ppid === 2)),
  };
}
