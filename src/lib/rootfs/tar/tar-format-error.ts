// The archive is not a (complete, well-formed) tar archive.
import { NsbookError } from "../../errors/index.js";

/** Raised by the tar reader: not tar at all, a bad header checksum, or cut short. */
export class TarFormatError extends NsbookError {
  override readonly name: string = "TarFormatError";
  /** Byte offset in the uncompressed archive where the problem was found. */
  readonly offset: number;
  /** True when the archive simply ends too early (a truncated file or download). */
  readonly truncated: boolean;
  constructor(message: string, offset: number, truncated = false) {
    super("tar-format", message);
    this.offset = offset;
    this.truncated = truncated;
  }
}
