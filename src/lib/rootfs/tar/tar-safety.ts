// Decides, before `tar` touches the disk, whether every member of an archive stays inside the target folder.
import { displayName, type TarEntry } from "./tar-entry.js";

/** Why one member is refused. */
export interface TarProblem {
  /** Member name as displayed (quoted UTF-8). */
  entry: string;
  reason: string;
}

/** What the check found. Any problem means: do not extract. */
export interface TarSafetyReport {
  problems: TarProblem[];
  /** Device nodes and fifos: never needed in a rootfs (the engine provides /dev), skipped or refused by the caller. */
  special: TarEntry[];
  /** Members seen. */
  entryCount: number;
  /** Sum of regular file sizes, in bytes (for a free-space check). */
  fileBytes: number;
}

/** A member name as path components inside the target ("" = the target itself), or why it is unsafe. */
export function normalizeMemberName(raw: string): { path: string } | { problem: string } {
  if (raw.startsWith("/")) return { problem: "is an absolute path" };
  const parts = raw.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.includes("..")) return { problem: 'contains a ".." component' };
  return { path: parts.join("/") };
}

const SPECIAL: ReadonlySet<string> = new Set(["char", "block", "fifo"]);

const OTHER_TYPES: Readonly<Record<string, string>> = {
  S: "a GNU sparse file",
  D: "a GNU incremental directory dump",
  M: "a multi-volume continuation",
  V: "a volume label",
  N: "an old GNU long-name record",
};

/**
 * Checks members one at a time (`add`), then `report()`. What is refused, and why:
 * - absolute names and names with a ".." component: they name a place outside the target;
 * - a member whose parent path goes through a symlink (or a hard link to one) from earlier in the same archive:
 *   the classic `link -> /etc` followed by `link/passwd`, which writes the host's /etc/passwd. A path that
 *   was a symlink stays suspect even if a later member replaces it;
 * - a member that replaces an earlier symlink with something else, and a symlink replacing the target itself;
 * - hard links whose target is absolute, has "..", goes through a symlink, or is not an earlier member
 *   (link(2) would otherwise pin a file from outside the archive into the rootfs);
 * - links, directories and special files that claim to carry data (a place where two tar readers may
 *   disagree about where the next header is), and member types nsbook does not extract.
 * Symlink TARGETS are not checked: absolute targets such as `/bin/sh -> /bin/busybox` are normal and are
 * resolved inside the container's root at run time. They are safe as long as nothing follows them on the
 * host, which is why nsbook resolves paths inside a rootfs with `resolveInRoot`.
 */
export class TarSafetyChecker {
  private readonly problems: TarProblem[] = [];
  private readonly special: TarEntry[] = [];
  /** Paths that were ever a symlink (or a hard link to one), with their target. */
  private readonly symlinks = new Map<string, string>();
  private readonly seen = new Map<string, TarEntry["type"]>();
  private entryCount = 0;
  private fileBytes = 0;

  /** Checks the next member. */
  add(entry: TarEntry): void {
    this.entryCount++;
    const refuse = (reason: string) => this.problems.push({ entry: displayName(entry.name), reason });
    const norm = normalizeMemberName(entry.name);
    if ("problem" in norm) return void refuse(norm.problem);
    const path = norm.path;
    if (entry.type === "other") {
      return void refuse(
        `has tar type '${entry.typeflag}' (${OTHER_TYPES[entry.typeflag] ?? "unknown type"}), which nsbook does not extract`,
      );
    }
    if (entry.type !== "file" && entry.size > 0)
      return void refuse(`is a ${entry.type} that claims ${entry.size} bytes of data`);
    if (path === "" && entry.type !== "dir")
      return void refuse(`would replace the target directory itself with a ${entry.type}`);
    const through = this.symlinkAncestor(path);
    if (through)
      return void refuse(
        `is written through the symlink ${displayName(through)} (-> ${displayName(this.symlinks.get(through) ?? "")}) from earlier in the archive: it could land outside the root`,
      );
    if (this.symlinks.has(path) && entry.type !== "symlink") {
      return void refuse(
        `replaces the symlink ${displayName(path)} from earlier in the archive with a ${entry.type}`,
      );
    }
    if (entry.type === "symlink") {
      if (!entry.linkName) return void refuse("is a symlink with an empty target");
      this.symlinks.set(path, entry.linkName);
    }
    if (entry.type === "hardlink") {
      const problem = this.checkHardLink(entry.linkName ?? "", path);
      if (problem) return void refuse(problem);
    }
    if (SPECIAL.has(entry.type)) this.special.push(entry);
    if (entry.type === "file") this.fileBytes += entry.size;
    this.seen.set(path, entry.type);
  }

  /** The verdict so far. */
  report(): TarSafetyReport {
    return {
      problems: [...this.problems],
      special: [...this.special],
      entryCount: this.entryCount,
      fileBytes: this.fileBytes,
    };
  }

  private symlinkAncestor(path: string): string | undefined {
    const parts = path.split("/");
    for (let k = 1; k < parts.length; k++) {
      const prefix = parts.slice(0, k).join("/");
      if (this.symlinks.has(prefix)) return prefix;
    }
    return undefined;
  }

  private checkHardLink(linkName: string, path: string): string | undefined {
    if (!linkName) return "is a hard link with an empty target";
    const target = normalizeMemberName(linkName);
    if ("problem" in target) return `is a hard link to ${displayName(linkName)}, which ${target.problem}`;
    const through = this.symlinkAncestor(target.path);
    if (through)
      return `is a hard link to ${displayName(linkName)}, which goes through the symlink ${displayName(through)}`;
    const kind = this.seen.get(target.path);
    if (kind === undefined || target.path === "") {
      return `is a hard link to ${displayName(linkName)}, which is not an earlier member of the archive`;
    }
    if (kind === "dir") return `is a hard link to the directory ${displayName(linkName)}`;
    // A hard link to a symlink is another symlink (link(2) does not follow it).
    const symlinkTarget = this.symlinks.get(target.path);
    if (symlinkTarget !== undefined) this.symlinks.set(path, symlinkTarget);
    return undefined;
  }
}

/** Checks a whole list of members at once. */
export function checkTarEntries(entries: Iterable<TarEntry>): TarSafetyReport {
  const checker = new TarSafetyChecker();
  for (const e of entries) checker.add(e);
  return checker.report();
}
