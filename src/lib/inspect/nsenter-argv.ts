// Builds the nsenter command that runs a HOST program inside some of a process's namespaces.
import type { NamespaceLink } from "./namespace-link.js";
import { readNamespaces } from "./read-namespaces.js";

/** Namespaces an inspection enters, as nsenter's flags name them. */
export type EnterableNamespace = "uts" | "net";

const FLAG: Readonly<Record<EnterableNamespace, string>> = { uts: "--uts", net: "--net" };

/**
 * The argv of `nsenter --target PID --<ns>... -- COMMAND...` (pure).
 *
 * Deliberately without `--mount`, `--root` and `--wd`: the command is the HOST's binary (`ip`, `uname`)
 * run with the host's files, so inspecting a container works even when its root filesystem has no such
 * program (busybox has no `ip -j`). Only the namespaces that decide the answer are entered.
 *
 * `joinUser` adds `--user --preserve-credentials`: a non-root caller may enter the namespaces of a
 * rootless container only by first joining the user namespace that owns them; the caller keeps its own
 * UID/GID instead of nsenter switching to 0 (which the container's ID map may not contain).
 */
export function nsenterArgv(
  pid: number,
  namespaces: readonly EnterableNamespace[],
  command: readonly string[],
  joinUser = false,
): string[] {
  const user = joinUser ? ["--user", "--preserve-credentials"] : [];
  return ["nsenter", "--target", String(pid), ...user, ...namespaces.map((n) => FLAG[n]), "--", ...command];
}

/**
 * Whether `pid` is in our own namespace of type `link` (then nothing needs entering), and whether a
 * non-root caller must join its user namespace first.
 */
export async function namespacePlan(
  pid: number,
  link: NamespaceLink,
): Promise<{ same: boolean; joinUser: boolean }> {
  const [mine, theirs] = await Promise.all([readNamespaces("self"), readNamespaces(pid)]);
  const same = mine[link] !== undefined && mine[link]?.inode === theirs[link]?.inode;
  const isRoot = process.geteuid?.() === 0;
  const joinUser = !isRoot && theirs.user !== undefined && mine.user?.inode !== theirs.user.inode;
  return { same, joinUser };
}
