// Host vs container namespaces, type by type: the first table of every step of the course.
import { NAMESPACE_LINKS, type NamespaceId, type NamespaceLink } from "./namespace-link.js";
import { type ProcessRef, validateProcessRef } from "./process-ref.js";
import { type NamespaceSet, readNamespaces } from "./read-namespaces.js";

/** One row of a namespace comparison. */
export interface NamespaceComparison {
  link: NamespaceLink;
  /** Namespace inode of the reference (host) process; undefined when its link could not be read. */
  hostInode?: number;
  /** Namespace inode of the container's process. */
  containerInode?: number;
  /** "shared": same namespace; "different": the container has its own; "unknown": a link was unreadable. */
  relation: "shared" | "different" | "unknown";
}

function relationOf(a?: NamespaceId, b?: NamespaceId): NamespaceComparison["relation"] {
  if (!a || !b) return "unknown";
  return a.type === b.type && a.inode === b.inode ? "shared" : "different";
}

/** Compares two namespace sets link by link (pure). */
export function compareNamespaceSets(host: NamespaceSet, container: NamespaceSet): NamespaceComparison[] {
  return NAMESPACE_LINKS.map((link) => ({
    link,
    hostInode: host[link]?.inode,
    containerInode: container[link]?.inode,
    relation: relationOf(host[link], container[link]),
  }));
}

/** Reads both processes' /proc/PID/ns and compares them; `hostPid` is usually "self". */
export async function compareNamespaces(
  hostPid: ProcessRef,
  containerPid: ProcessRef,
): Promise<NamespaceComparison[]> {
  validateProcessRef(hostPid, "hostPid");
  validateProcessRef(containerPid, "containerPid");
  const [host, container] = await Promise.all([readNamespaces(hostPid), readNamespaces(containerPid)]);
  return compareNamespaceSets(host, container);
}
