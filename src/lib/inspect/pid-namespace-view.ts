// Processes as seen from inside a PID namespace (what `ps` run there shows), with the PID mapping.
import { readAllProcesses } from "./list-processes.js";
import { ProcFileError } from "./proc-file-error.js";
import { type ProcessRef, validateProcessRef } from "./process-ref.js";
import { type ProcessInfo, readProcess } from "./read-process.js";

/** A PID namespace, as seen from our /proc. */
export interface PidNamespaceRef {
  /** Inode of the namespace (/proc/PID/ns/pid of a member). */
  inode: number;
  /**
   * How deep it is below the namespace of our /proc: 0 for our own, 1 for a container started from here.
   * A member's PID inside is `nsPid[level]`.
   */
  level: number;
}

/** A process with the PIDs it has inside the namespace it is seen from. */
export interface ProcessSeenInside extends ProcessInfo {
  /** Its PID as `ps` inside shows it. */
  pidInside: number;
  /** Its parent's PID inside; 0 when the parent is outside (the namespace's init, or a process nsenter'd in). */
  ppidInside: number;
  /** True when it lives in a PID namespace nested below the viewed one (still visible from there). */
  nested: boolean;
}

/** What one PID namespace sees. */
export interface PidNamespaceView {
  namespace: PidNamespaceRef;
  /** Ascending by `pidInside`. */
  processes: ProcessSeenInside[];
}

/**
 * The processes visible from PID namespace `ns`, among `all` (every process our /proc shows): its members
 * (same namespace inode) and the processes of namespaces nested below it.
 *
 * /proc does not say which namespace is whose parent, so a nested process is recognised by having more
 * PID levels than a member and an ancestor (by PPid) that is a member; that is how nested namespaces are
 * made (a member runs `unshare --pid --fork`). A process put into a nested namespace by setns from outside
 * is missed.
 */
export function viewFromPidNamespace(all: readonly ProcessInfo[], ns: PidNamespaceRef): PidNamespaceView {
  const byPid = new Map(all.map((p) => [p.pid, p]));
  // A process whose ns/pid link we may not read is still known to be in /proc's own namespace (level 0)
  // when it has a single PID level.
  const isMember = (p: ProcessInfo): boolean =>
    p.pidNamespace === undefined ? ns.level === 0 && p.nsPid.length === 1 : p.pidNamespace === ns.inode;
  const seen = new Map<number, boolean>();
  const visible = (p: ProcessInfo): boolean => {
    const known = seen.get(p.pid);
    if (known !== undefined) return known;
    seen.set(p.pid, false); // guards against a PPid cycle in a torn read
    const parent = byPid.get(p.ppid);
    const result = isMember(p) || (p.nsPid.length > ns.level + 1 && parent !== undefined && visible(parent));
    seen.set(p.pid, result);
    return result;
  };
  const members = all.filter(visible);
  const insidePid = new Map(members.map((p) => [p.pid, p.nsPid[ns.level] ?? 0]));
  const processes = members
    .map((p) => ({
      ...p,
      pidInside: insidePid.get(p.pid) ?? 0,
      ppidInside: insidePid.get(p.ppid) ?? 0,
      nested: !isMember(p),
    }))
    .sort((a, b) => a.pidInside - b.pidInside);
  return { namespace: ns, processes };
}

/** The PID namespace of process `pid` and its level below ours. */
export async function readPidNamespaceOf(pid: ProcessRef): Promise<PidNamespaceRef> {
  validateProcessRef(pid, "pid");
  const p = await readProcess(pid);
  if (!p) throw new ProcFileError(pid, `/proc/${pid}/status`, undefined, "ENOENT");
  if (p.pidNamespace === undefined) {
    throw new ProcFileError(pid, `/proc/${pid}/ns/pid`, undefined, "EACCES");
  }
  return { inode: p.pidNamespace, level: p.nsPid.length - 1 };
}

/**
 * What `ps` would list inside the PID namespace of process `pid` (e.g. a container's init host PID), read
 * from the host's /proc without entering the container; "self" gives the host's own view.
 */
export async function readProcessesSeenBy(pid: ProcessRef): Promise<PidNamespaceView> {
  const ns = await readPidNamespaceOf(pid);
  return viewFromPidNamespace(await readAllProcesses(), ns);
}
