// Reads a tar archive chunk by chunk and reports each member, skipping file contents without keeping them.

import { parsePaxRecords } from "./pax-records.js";
import type { TarEntry, TarEntryType } from "./tar-entry.js";
import { TarFormatError } from "./tar-format-error.js";
import { isZeroBlock, parseTarHeader, TAR_BLOCK, type TarHeader } from "./tar-header.js";

/** Largest pax or GNU long-name record accepted, in bytes (real ones are a few hundred). */
const MAX_META_BYTES = 1024 * 1024;

const TYPES: Readonly<Record<string, TarEntryType>> = {
  "0": "file",
  "\0": "file",
  "7": "file",
  "1": "hardlink",
  "2": "symlink",
  "3": "char",
  "4": "block",
  "5": "dir",
  "6": "fifo",
};

const padding = (size: number): number => (TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK;

interface Collecting {
  typeflag: string;
  offset: number;
  chunks: Buffer[];
  remaining: number;
  padding: number;
}

/**
 * A push parser: `write()` chunks of the uncompressed archive, then `end()`; `onEntry` is called once per
 * member with pax ('x') and GNU long-name ('L', 'K') records already applied, in archive order.
 *
 * It reads the way GNU tar does where it matters for safety: pax `path`/`linkpath`/`size` win over GNU long
 * names, which win over the header; the ustar prefix only counts in POSIX ustar headers; the first zero block
 * ends the archive (tar stops there too without --ignore-zeros). Global pax headers ('g') that set a path,
 * link path or size are refused rather than guessed at.
 */
export class TarStreamParser {
  private readonly header = Buffer.alloc(TAR_BLOCK);
  private headerFill = 0;
  private skip = 0;
  private collecting?: Collecting;
  private pax = new Map<string, string>();
  private longName?: string;
  private longLink?: string;
  private position = 0;
  private finished = false;
  /** Members reported so far. */
  entryCount = 0;

  constructor(private readonly onEntry: (entry: TarEntry) => void) {}

  /** True once the end-of-archive zero block was read (later bytes are ignored, as tar does). */
  get ended(): boolean {
    return this.finished;
  }

  /** Feeds the next chunk of the archive. Throws a {@link TarFormatError} on malformed data. */
  write(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length && !this.finished) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i);
        this.skip -= n;
        i += n;
        this.position += n;
        continue;
      }
      const c = this.collecting;
      if (c) {
        const n = Math.min(c.remaining, chunk.length - i);
        c.chunks.push(Buffer.from(chunk.subarray(i, i + n)));
        c.remaining -= n;
        i += n;
        this.position += n;
        if (c.remaining === 0) this.finishCollecting(c);
        continue;
      }
      const n = Math.min(TAR_BLOCK - this.headerFill, chunk.length - i);
      chunk.copy(this.header, this.headerFill, i, i + n);
      this.headerFill += n;
      i += n;
      this.position += n;
      if (this.headerFill === TAR_BLOCK) {
        this.headerFill = 0;
        this.onHeader(this.position - TAR_BLOCK);
      }
    }
  }

  /** Says the archive is complete; throws a truncation {@link TarFormatError} if it stopped mid-member. */
  end(): void {
    if (this.finished) return;
    if (this.entryCount === 0 && this.position < TAR_BLOCK && !this.collecting) {
      throw new TarFormatError(
        `it is only ${this.position} bytes long, shorter than one tar header`,
        this.position,
      );
    }
    if (
      this.headerFill > 0 ||
      this.skip > 0 ||
      this.collecting ||
      this.longName !== undefined ||
      this.longLink !== undefined ||
      this.pax.size > 0
    ) {
      throw new TarFormatError(
        `the archive ends in the middle of a member (after ${this.position} bytes): it is truncated`,
        this.position,
        true,
      );
    }
    this.finished = true;
  }

  private onHeader(offset: number): void {
    if (isZeroBlock(this.header)) {
      this.finished = true;
      return;
    }
    const h = parseTarHeader(this.header, offset);
    if ("xgLK".includes(h.typeflag)) {
      if (h.size > MAX_META_BYTES) {
        throw new TarFormatError(
          `extended header of ${h.size} bytes at byte ${offset} is implausibly large`,
          offset,
        );
      }
      const c: Collecting = {
        typeflag: h.typeflag,
        offset,
        chunks: [],
        remaining: h.size,
        padding: padding(h.size),
      };
      if (h.size === 0) this.finishCollecting(c);
      else this.collecting = c;
      return;
    }
    this.emit(h, offset);
  }

  private finishCollecting(c: Collecting): void {
    this.collecting = undefined;
    this.skip = c.padding;
    const data = Buffer.concat(c.chunks);
    if (c.typeflag === "L" || c.typeflag === "K") {
      const end = data.indexOf(0);
      const value = data.toString("latin1", 0, end < 0 ? data.length : end);
      if (c.typeflag === "L") this.longName = value;
      else this.longLink = value;
      return;
    }
    const records = parsePaxRecords(data, c.offset);
    if (c.typeflag === "g") {
      for (const key of ["path", "linkpath", "size"]) {
        if (records.has(key)) {
          throw new TarFormatError(
            `a global pax header at byte ${c.offset} sets "${key}" for every member: refused`,
            c.offset,
          );
        }
      }
      return;
    }
    for (const [k, v] of records) this.pax.set(k, v);
  }

  private emit(h: TarHeader, offset: number): void {
    const paxSize = this.pax.get("size");
    let size = h.size;
    if (paxSize !== undefined) {
      if (!/^\d+$/.test(paxSize) || !Number.isSafeInteger(Number(paxSize))) {
        throw new TarFormatError(
          `pax size ${JSON.stringify(paxSize)} at byte ${offset} is not a number`,
          offset,
        );
      }
      size = Number(paxSize);
    }
    const name = this.pax.get("path") ?? this.longName ?? h.name;
    const link = this.pax.get("linkpath") ?? this.longLink ?? h.linkName;
    const sparse = [...this.pax.keys()].some((k) => k.startsWith("GNU.sparse."));
    let type: TarEntryType = sparse ? "other" : (TYPES[h.typeflag] ?? "other");
    // Old (pre-POSIX) archives mark directories by a trailing slash on a plain-file entry.
    if (type === "file" && h.typeflag === "\0" && name.endsWith("/")) type = "dir";
    this.pax = new Map();
    this.longName = undefined;
    this.longLink = undefined;
    const entry: TarEntry = {
      name,
      type,
      typeflag: h.typeflag,
      size,
      mode: h.mode & 0o7777,
      uid: h.uid,
      gid: h.gid,
      offset,
    };
    if (type === "symlink" || type === "hardlink") entry.linkName = link;
    // Directories, links and device nodes carry no data in practice, but skip whatever the size says.
    this.skip = size + padding(size);
    this.entryCount++;
    this.onEntry(entry);
  }
}
