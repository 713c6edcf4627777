// Reads a .tar or .tar.gz file with nsbook's own tar reader and checks every member before extraction.
//
// Why our own reader rather than parsing `tar --list --verbose`: the listing is text made for people. A member
// named "a -> b" or one containing a newline reads like a symlink or two members; quoting and columns change
// with the locale, the tar version and --quoting-style; and hard links, devices and symlinks are told apart
// only by the first letter of a mode string. The headers themselves are exact bytes. The reader refuses what it
// does not fully understand (unknown types, global pax paths, data on non-files), so the archive `tar` extracts
// is the one that was checked, and GNU tar's own defences (no absolute names, no "..") still apply on top.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { RootfsError } from "../rootfs-error.js";
import { TarFormatError } from "./tar-format-error.js";
import { TarSafetyChecker, type TarSafetyReport } from "./tar-safety.js";
import { TarStreamParser } from "./tar-stream-parser.js";

/** How the archive's bytes are compressed. */
export type TarCompression = "gzip" | "none";

/** The result of {@link inspectTarball}. */
export interface TarballInspection {
  path: string;
  compression: TarCompression;
  report: TarSafetyReport;
}

/** Options for {@link inspectTarball}. */
export interface InspectTarballOptions {
  /** Aborting stops the reading. */
  signal?: AbortSignal;
}

const OTHER_COMPRESSIONS: ReadonlyArray<[number[], string, string]> = [
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], "xz", "xz -dk"],
  [[0x42, 0x5a, 0x68], "bzip2", "bzip2 -dk"],
  [[0x28, 0xb5, 0x2f, 0xfd], "zstd", "zstd -d"],
];

/** Recognises the compression from the first bytes of a file; throws for formats nsbook does not read. */
export function detectCompression(head: Uint8Array, path: string): TarCompression {
  if (head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  for (const [magic, name, command] of OTHER_COMPRESSIONS) {
    if (magic.every((b, i) => head[i] === b)) {
      throw new RootfsError(
        `${path} is ${name}-compressed: nsbook reads .tar and .tar.gz only. Decompress it first ` +
          `(\`${command} ${path}\`) and import the .tar, or recompress it with gzip.`,
      );
    }
  }
  return "none";
}

function explain(e: unknown, path: string): RootfsError {
  const err = e as NodeJS.ErrnoException & { errno?: number };
  if (e instanceof TarFormatError && e.truncated) {
    return new RootfsError(`${path} is truncated (${e.message}): download or copy it again.`, { cause: e });
  }
  if (e instanceof TarFormatError) {
    return new RootfsError(
      `${path} is not a usable tar archive: ${e.message}. Check that it is a .tar or .tar.gz.`,
      { cause: e },
    );
  }
  if (err?.code === "Z_BUF_ERROR" || /unexpected end of file/i.test(err?.message ?? "")) {
    return new RootfsError(`${path} is truncated (the gzip stream ends early): download or copy it again.`, {
      cause: e,
    });
  }
  if (typeof err?.code === "string" && err.code.startsWith("Z_")) {
    return new RootfsError(
      `${path} is not a valid gzip file (${err.message}): it is corrupted or not a .tar.gz.`,
      {
        cause: e,
      },
    );
  }
  if (err?.code === "ENOENT") return new RootfsError(`${path} does not exist`, { cause: e });
  if (err?.code === "EISDIR") return new RootfsError(`${path} is a directory, not a tarball`, { cause: e });
  if (err?.code === "EACCES")
    return new RootfsError(`${path} cannot be read (permission denied)`, { cause: e });
  return new RootfsError(`cannot read ${path}: ${err?.message ?? String(e)}`, { cause: e });
}

/**
 * Streams the archive at `path` (plain or gzip-compressed) through {@link TarStreamParser} and
 * {@link TarSafetyChecker}: nothing is written anywhere. Throws a {@link RootfsError} when the file is missing,
 * compressed with something else, not a tar archive, truncated or empty; unsafe members are returned in
 * `report.problems` for the caller to refuse.
 */
export async function inspectTarball(
  path: string,
  options: InspectTarballOptions = {},
): Promise<TarballInspection> {
  try {
    const head = Buffer.alloc(8);
    const handle = await open(path, "r");
    let bytesRead: number;
    try {
      ({ bytesRead } = await handle.read(head, 0, head.length, 0));
    } finally {
      await handle.close();
    }
    if (bytesRead === 0)
      throw new RootfsError(`${path} is empty: it is not a tarball (was the download cut short?)`);
    const compression = detectCompression(head.subarray(0, bytesRead), path);
    const checker = new TarSafetyChecker();
    const parser = new TarStreamParser((entry) => checker.add(entry));
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        try {
          parser.write(chunk);
          callback();
        } catch (e) {
          callback(e as Error);
        }
      },
      final(callback) {
        try {
          parser.end();
          callback();
        } catch (e) {
          callback(e as Error);
        }
      },
    });
    const source = createReadStream(path);
    if (compression === "gzip") await pipeline(source, createGunzip(), sink, { signal: options.signal });
    else await pipeline(source, sink, { signal: options.signal });
    const report = checker.report();
    if (report.entryCount === 0)
      throw new RootfsError(`${path} is a tar archive with no members: there is nothing to extract`);
    return { path, compression, report };
  } catch (e) {
    if (e instanceof RootfsError || (e as Error).name === "AbortError") throw e;
    throw explain(e, path);
  }
}
