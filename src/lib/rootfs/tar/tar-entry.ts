// One member of a tar archive, as nsbook's own reader sees it before `tar` is allowed to extract anything.

/** What a member is. "other" covers what nsbook does not extract (GNU sparse files, volume labels, ...). */
export type TarEntryType = "file" | "hardlink" | "symlink" | "char" | "block" | "dir" | "fifo" | "other";

/**
 * One archive member. Names are the raw bytes of the archive as a latin1 string (one char per byte), so no
 * decoding can make two different names equal; use {@link displayName} to show them.
 */
export interface TarEntry {
  /** Member name after pax `path` and GNU long-name records, e.g. "./bin/busybox". */
  name: string;
  type: TarEntryType;
  /** The raw typeflag character, e.g. "0", "2", "S". */
  typeflag: string;
  /** Bytes of data that follow the header. */
  size: number;
  /** Permission bits, e.g. 0o755. */
  mode: number;
  uid: number;
  gid: number;
  /** Target of a symlink, or the member a hard link links to. */
  linkName?: string;
  /** Byte offset of the member's header in the (uncompressed) archive. */
  offset: number;
}

/** A latin1 (raw bytes) name as quoted UTF-8 text for messages (control characters escaped). */
export function displayName(raw: string): string {
  return JSON.stringify(Buffer.from(raw, "latin1").toString("utf8"));
}
