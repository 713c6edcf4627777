// The namespaces a container may have, and how unshare and nsenter spell each one.
import { invalidOption } from "../errors/index.js";

/** A Linux namespace kind nsbook can give a container (namespaces(7)). */
export type NamespaceKind = "pid" | "mount" | "uts" | "ipc" | "net" | "user" | "cgroup";

/** Every kind, in the order nsbook lists them (and passes them to unshare/nsenter). */
export const ALL_NAMESPACES: readonly NamespaceKind[] = [
  "user",
  "pid",
  "mount",
  "uts",
  "ipc",
  "net",
  "cgroup",
];

/**
 * What a container gets when none are named: step 5 of the course and Docker's set, minus `user` and
 * `cgroup`. `user` changes what root means inside (it is added automatically in rootless mode); `cgroup` only
 * hides the host's cgroup paths, which the course wants to show.
 */
export const DEFAULT_NAMESPACES: readonly NamespaceKind[] = ["pid", "mount", "uts", "ipc", "net"];

const FLAG: Readonly<Record<NamespaceKind, string>> = {
  user: "--user",
  pid: "--pid",
  mount: "--mount",
  uts: "--uts",
  ipc: "--ipc",
  net: "--net",
  cgroup: "--cgroup",
};

/** True when `value` names a namespace kind. */
export function isNamespaceKind(value: unknown): value is NamespaceKind {
  return typeof value === "string" && (ALL_NAMESPACES as readonly string[]).includes(value);
}

/** Sorts and de-duplicates namespace kinds into {@link ALL_NAMESPACES} order. */
export function sortNamespaces(kinds: Iterable<NamespaceKind>): NamespaceKind[] {
  const set = new Set(kinds);
  return ALL_NAMESPACES.filter((k) => set.has(k));
}

/**
 * Parses a comma-separated list such as "pid,mount,uts" (the CLI's `--ns`). "none" or "" means no namespace
 * at all (step 1 of the course: chroot only). Throws a TypeError naming the bad entry.
 */
export function parseNamespaceList(text: string): NamespaceKind[] {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed === "none") return [];
  const kinds: NamespaceKind[] = [];
  for (const raw of trimmed.split(",")) {
    const entry = raw.trim() === "mnt" ? "mount" : raw.trim();
    if (!isNamespaceKind(entry)) {
      throw invalidOption(
        "namespaces",
        raw,
        `is not a namespace; use a comma-separated list of ${ALL_NAMESPACES.join(", ")} (or "none")`,
      );
    }
    kinds.push(entry);
  }
  return sortNamespaces(kinds);
}

/** unshare(1)/nsenter(1) flags for `kinds` (both tools spell them the same way). */
export function namespaceFlags(kinds: readonly NamespaceKind[]): string[] {
  return sortNamespaces(kinds).map((k) => FLAG[k]);
}
