// Keeps downloaded tarballs in cacheDir(), each next to the checksum it was verified against: the cache only
// ever holds verified files, and a release tarball is downloaded once.
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { cacheDir } from "../core/paths.js";
import { assertChecksum, parseSha256File, sha256File } from "./checksum-file.js";
import { type DownloadFileOptions, downloadFile, fetchText, parseDownloadUrl } from "./download/index.js";
import { RootfsError } from "./rootfs-error.js";
import { sweepDeadPartials } from "./staging.js";

/** Options for {@link fetchPublishedTarball}. */
export interface FetchPublishedTarballOptions extends DownloadFileOptions {
  /** Name to keep it under in the cache, e.g. "alpine-minirootfs-3.20.3-x86_64.tar.gz". */
  fileName: string;
  tarballUrl: string;
  /** The published sha256sum-style file for the tarball. */
  sha256Url: string;
  /** Added to a "not found" (404) error, e.g. which version/arch to check. */
  notFoundAdvice?: string;
}

/** A verified tarball in the cache. */
export interface CachedTarball {
  path: string;
  sha256: string;
  /** True when no download was needed. */
  fromCache: boolean;
  notes: string[];
}

async function fileExists(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.partial`;
  await writeFile(tmp, text, { mode: 0o644 });
  await rename(tmp, path);
}

/**
 * Returns a cached copy of `tarballUrl` verified against the checksum published at `sha256Url`:
 * - the published checksum is fetched; a cached tarball with that sha256 is reused;
 * - otherwise the tarball is downloaded to `<cache>/<fileName>.<pid>.partial`, verified, renamed into the cache
 *   and its checksum saved as `<fileName>.sha256`; a wrong checksum deletes it;
 * - when the mirror cannot be reached (but did not answer 404), a cached tarball matching the checksum saved at
 *   download time is used, with a note.
 */
export async function fetchPublishedTarball(options: FetchPublishedTarballOptions): Promise<CachedTarball> {
  const dir = cacheDir();
  await mkdir(dir, { recursive: true, mode: 0o755 });
  await sweepDeadPartials(dir);
  const cached = join(dir, options.fileName);
  const savedSum = `${cached}.sha256`;
  const tarballUrl = parseDownloadUrl(options.tarballUrl, "tarball URL");
  const sha256Url = parseDownloadUrl(options.sha256Url, "checksum URL");
  let text: string;
  try {
    text = await fetchText(sha256Url, options);
  } catch (e) {
    const status = (e as { httpStatus?: number }).httpStatus;
    if (status === 404 && options.notFoundAdvice) {
      throw new RootfsError(`${(e as Error).message}. ${options.notFoundAdvice}`, { cause: e });
    }
    if (status !== undefined || options.signal?.aborted) throw e;
    // The mirror cannot be reached: fall back to a cached tarball verified when it was downloaded.
    const saved = await readFile(savedSum, "utf8").then(
      (t) => parseSha256File(t, options.fileName),
      () => undefined,
    );
    if (saved && (await fileExists(cached)) && (await sha256File(cached)) === saved) {
      const note = `the mirror is unreachable; used the cached ${cached}, verified when it was downloaded`;
      return { path: cached, sha256: saved, fromCache: true, notes: [note] };
    }
    throw e;
  }
  const expected = parseSha256File(text, options.fileName);
  if (!expected) {
    throw new RootfsError(
      `${sha256Url.href} holds no sha256 for ${options.fileName}: the mirror is broken; try another --mirror`,
    );
  }
  if ((await fileExists(cached)) && (await sha256File(cached)) === expected) {
    return {
      path: cached,
      sha256: expected,
      fromCache: true,
      notes: [`used the cached ${cached} (sha256 verified)`],
    };
  }
  const partial = `${cached}.${process.pid}.partial`;
  try {
    const got = await downloadFile(tarballUrl, partial, options);
    assertChecksum(
      tarballUrl.href,
      expected,
      got.sha256,
      "The download is corrupted or the mirror serves another file: nothing was kept; try again or use another --mirror.",
    );
    await rename(partial, cached);
  } finally {
    await rm(partial, { force: true });
  }
  await writeAtomically(savedSum, `${expected}  ${options.fileName}\n`);
  return { path: cached, sha256: expected, fromCache: false, notes: [] };
}
