// The archive is not a (complete, well-formed) tar archive.

/** Raised by the tar reader: not tar at all, a bad header checksum, or cut short. */
export class TarFormatError extends Error {
  override readonly name = "TarFormatError";
  /** Byte offset in the uncompressed archive where the problem was found. */
  readonly offset: number;
  /** True when the archive simply ends too early (a truncated file or download). */
  readonly truncated: boolean;
  constructor(message: string, offset: number, truncated = false) {
    super(message);
    this.offset = offset;
    this.truncated = truncated;
  }
}
