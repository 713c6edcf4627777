// What one network namespace holds, read through a process in it: its interfaces, routes and how many sockets
// are open, the contents notebook 05 compares between the host and a container.
import type { NetworkInterface, Route } from "./ip-json.js";
import type { ProcessRef } from "./process-ref.js";
import { readNamespaces } from "./read-namespaces.js";
import { readInterfaces, readRoutes } from "./read-network.js";
import { readProcText } from "./read-proc-file.js";

/** A network namespace's contents, as seen through one of its processes. */
export interface NetNamespaceSummary {
  /** Inode of the namespace (/proc/PID/ns/net). */
  inode?: number;
  interfaces: NetworkInterface[];
  routes: Route[];
  /** Open sockets per table of /proc/PID/net (tcp and tcp6 together, udp and udp6 together). */
  sockets: { tcp: number; udp: number; unix: number };
}

/** Entries of a /proc/net table such as tcp or unix: its lines after the header (pure). */
export function countProcNetEntries(text: string): number {
  return Math.max(0, text.split("\n").filter((l) => l.trim() !== "").length - 1);
}

// /proc/PID/net/* shows the network namespace of PID, whoever reads it. A table the kernel lacks
// (no IPv6) counts as empty.
async function countEntries(pid: ProcessRef, tables: readonly string[]): Promise<number> {
  const counts = await Promise.all(
    tables.map((t) => readProcText(pid, `net/${t}`).then(countProcNetEntries, () => 0)),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** Reads what the network namespace of process `pid` holds. */
export async function readNetNamespaceSummary(pid: ProcessRef): Promise<NetNamespaceSummary> {
  const [ns, interfaces, routes, tcp, udp, unix] = await Promise.all([
    readNamespaces(pid),
    readInterfaces(pid),
    readRoutes(pid),
    countEntries(pid, ["tcp", "tcp6"]),
    countEntries(pid, ["udp", "udp6"]),
    countEntries(pid, ["unix"]),
  ]);
  return { inode: ns.net?.inode, interfaces, routes, sockets: { tcp, udp, unix } };
}
