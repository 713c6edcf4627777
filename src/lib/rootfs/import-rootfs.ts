// Any root filesystem tarball, local or at a URL, with an optional checksum.
import { randomBytes } from "node:crypto";
import { mkdir, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { cacheDir, rootfsDir } from "../core/paths.js";
import { assertChecksum, sha256File, validateSha256 } from "./checksum-file.js";
import { type DownloadProgressListener, downloadFile, parseDownloadUrl } from "./download/index.js";
import { describeMarker, existingRootfs } from "./existing-rootfs.js";
import { installRootfsFromTarball } from "./install-tarball.js";
import type { RootfsBuildResult } from "./rootfs-build-result.js";
import { RootfsError } from "./rootfs-error.js";
import { validateRootfsName } from "./rootfs-name.js";
import { sweepDeadPartials } from "./staging.js";

/** Options for {@link importRootfs}. */
export interface ImportRootfsOptions {
  /** Rootfs name. */
  name: string;
  /** A .tar/.tar.gz path, or an http(s) URL. */
  from: string;
  /** Expected sha256 (hex). @default none: not verified (a note says so) */
  sha256?: string;
  /** Replace an existing rootfs of that name. @default false */
  force?: boolean;
  /**
   * Device nodes and fifos in the archive: "skip" them (noted) or "refuse" the archive.
   * WARNING: nsbook never creates them either way. @default "skip"
   */
  specialFiles?: "skip" | "refuse";
  /** Download progress for a URL. */
  onProgress?: DownloadProgressListener;
  /** Give up when the server sends nothing for this long, in milliseconds. @default 30000 */
  idleTimeoutMs?: number;
  /** Aborting stops the download or extraction; nothing is kept. */
  signal?: AbortSignal;
}

const isUrl = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/**
 * Makes `rootfsDir(name)` from a tarball at a path or URL. A URL is downloaded to a `*.partial` file in
 * cacheDir() and deleted after extraction (imports are not cached). With `sha256`, the file is verified
 * before anything is extracted. Every member is checked as for Alpine; nothing is left behind on failure.
 */
export async function importRootfs(options: ImportRootfsOptions): Promise<RootfsBuildResult> {
  const started = performance.now();
  const name = validateRootfsName(options.name);
  if (!options.from)
    throw new RootfsError("from must name a tarball: a path to a .tar/.tar.gz or an http(s) URL");
  const expected = options.sha256 === undefined ? undefined : validateSha256(options.sha256);
  const dir = rootfsDir(name);
  const existing = await existingRootfs(dir);
  if (existing.present && !options.force) {
    throw new RootfsError(
      `a root filesystem named "${name}" already exists (${describeMarker(existing.marker)}): replace it with --force, or pick another name`,
    );
  }
  const notes: string[] = [];
  let tarball: string;
  let partial: string | undefined;
  let source: string;
  let sha256: string;
  try {
    if (isUrl(options.from)) {
      const url = parseDownloadUrl(options.from, "from");
      source = url.href;
      await mkdir(cacheDir(), { recursive: true, mode: 0o755 });
      await sweepDeadPartials(cacheDir());
      partial = join(cacheDir(), `import-${name}-${process.pid}-${randomBytes(4).toString("hex")}.partial`);
      const got = await downloadFile(url, partial, options);
      tarball = partial;
      sha256 = got.sha256;
    } else {
      tarball = resolve(options.from);
      source = tarball;
      const s = await stat(tarball).catch((e: NodeJS.ErrnoException) => {
        throw new RootfsError(
          `${options.from} ${e.code === "ENOENT" ? "does not exist" : `cannot be read (${e.code})`}: give the path of a .tar or .tar.gz`,
          { cause: e },
        );
      });
      if (!s.isFile())
        throw new RootfsError(`${options.from} is not a file: give the path of a .tar or .tar.gz`);
      sha256 = await sha256File(tarball);
    }
    if (expected)
      assertChecksum(
        source,
        expected,
        sha256,
        "The file is not the one you meant (or was corrupted): nothing was extracted.",
      );
    else notes.push(`not verified: no --sha256 given (its sha256 is ${sha256})`);
    const installed = await installRootfsFromTarball({
      name,
      tarball,
      marker: { kind: "imported", source, sha256 },
      replace: options.force,
      specialFiles: options.specialFiles,
      signal: options.signal,
    });
    return {
      name,
      dir: installed.dir,
      status: existing.present ? "replaced" : "created",
      detail: `imported from ${source}`,
      marker: installed.marker,
      notes: [...notes, ...installed.notes],
      durationMs: performance.now() - started,
    };
  } finally {
    if (partial) await rm(partial, { force: true });
  }
}
