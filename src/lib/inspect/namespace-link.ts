// Parser for the links in /proc/PID/ns (namespaces(7)): "net:[4026531833]" names one namespace.

/** The namespace links of /proc/PID/ns, in the order tables show them. */
export const NAMESPACE_LINKS = [
  "pid",
  "pid_for_children",
  "mnt",
  "uts",
  "ipc",
  "net",
  "user",
  "cgroup",
  "time",
  "time_for_children",
] as const;

/** The name of one link in /proc/PID/ns, e.g. "pid_for_children". */
export type NamespaceLink = (typeof NAMESPACE_LINKS)[number];

/** A namespace as its /proc link names it. */
export interface NamespaceId {
  /** Namespace type as the kernel prints it: "pid", "mnt", "net"... (pid_for_children prints "pid"). */
  type: string;
  /**
   * Inode number of the namespace on the nsfs filesystem. Two processes are in the same namespace
   * exactly when their links show the same type and inode (the device is the same nsfs for all).
   */
  inode: number;
}

/** Parses a link target such as "pid:[4026531836]"; throws a SyntaxError naming the text otherwise. */
export function parseNamespaceLink(text: string): NamespaceId {
  const m = /^([a-z_]+):\[(\d+)\]$/.exec(text.trim());
  if (!m) throw new SyntaxError(`not a /proc/PID/ns link target: ${JSON.stringify(text)}`);
  return { type: m[1] ?? "", inode: Number(m[2]) };
}
