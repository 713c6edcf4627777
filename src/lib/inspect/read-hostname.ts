// Reader of the hostname a process sees (the nodename of its UTS namespace).
import { hostname as osHostname } from "node:os";
import { runHost } from "../host/index.js";
import { namespacePlan, nsenterArgv } from "./nsenter-argv.js";
import { type ProcessRef, validateProcessRef } from "./process-ref.js";

/** Options for {@link readHostname}. */
export interface ReadHostnameOptions {
  /** Aborting kills the nsenter command. */
  signal?: AbortSignal;
}

/**
 * The hostname process `pid` sees. /proc has no per-process hostname: /proc/sys/kernel/hostname and
 * uname(2) answer for the UTS namespace of the process that READS them, and /proc/PID/root/etc/hostname is
 * just a file that may disagree with the kernel. So for a process in another UTS namespace we run
 * `nsenter --target PID --uts uname -n` (the host's `uname`, entering only the UTS namespace; root, or the
 * owner of a rootless container). A process in our own UTS namespace, and "self", are answered with
 * os.hostname() without starting anything.
 */
export async function readHostname(pid: ProcessRef, options: ReadHostnameOptions = {}): Promise<string> {
  validateProcessRef(pid, "pid");
  if (pid === "self") return osHostname();
  const plan = await namespacePlan(pid, "uts");
  if (plan.same) return osHostname();
  const r = await runHost(nsenterArgv(pid, ["uts"], ["uname", "-n"], plan.joinUser), {
    what: `read the hostname of process ${pid}`,
    signal: options.signal,
  });
  return r.stdout.trim();
}
