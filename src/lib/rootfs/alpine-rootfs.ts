// Alpine's minirootfs, as the original course used: downloaded with progress, verified, cached, extracted.
import { rootfsDir } from "../core/paths.js";
import {
  ALPINE_ARCHES,
  alpineArchFor,
  alpineMinirootfsSource,
  DEFAULT_ALPINE_MIRROR,
  DEFAULT_ALPINE_VERSION,
  validateAlpineArch,
  validateAlpineVersion,
} from "./alpine.js";
import { type DownloadProgressListener, parseDownloadUrl } from "./download/index.js";
import { describeMarker, existingRootfs } from "./existing-rootfs.js";
import { installRootfsFromTarball } from "./install-tarball.js";
import { fetchPublishedTarball } from "./published-tarball-cache.js";
import type { RootfsBuildResult } from "./rootfs-build-result.js";
import { RootfsError } from "./rootfs-error.js";
import { validateRootfsName } from "./rootfs-name.js";

/** Options for {@link installAlpineRootfs}. */
export interface AlpineRootfsOptions {
  /** Alpine release, e.g. "3.20.3". @default DEFAULT_ALPINE_VERSION ("3.20.3") */
  version?: string;
  /** Alpine architecture name. @default this machine's (`alpineArchFor(process.arch)`) */
  arch?: string;
  /** Base URL of an Alpine mirror (the folder that holds v3.20/...). @default "https://dl-cdn.alpinelinux.org/alpine" */
  mirror?: string;
  /** Rootfs name. @default "alpine" */
  name?: string;
  /** Replace an existing rootfs of that name even when it is the same release. @default false */
  force?: boolean;
  /** Download progress (called per chunk; throttle display yourself). */
  onProgress?: DownloadProgressListener;
  /** Give up when the mirror sends nothing for this long, in milliseconds. @default 30000 */
  idleTimeoutMs?: number;
  /** Aborting stops the download or extraction; nothing is kept. */
  signal?: AbortSignal;
}

/**
 * Installs Alpine's minirootfs as `rootfsDir(name)`: fetches `<mirror>/v3.20/releases/<arch>/
 * alpine-minirootfs-<version>-<arch>.tar.gz` and its published `.sha256`, verifies it, keeps it in cacheDir()
 * (reused while its checksum matches), checks every member, extracts it with the host's tar into a staging
 * folder and renames it into place. Idempotent: the same release and arch already there is "up-to-date".
 */
export async function installAlpineRootfs(options: AlpineRootfsOptions = {}): Promise<RootfsBuildResult> {
  const started = performance.now();
  const name = validateRootfsName(options.name ?? "alpine");
  const version = validateAlpineVersion(options.version ?? DEFAULT_ALPINE_VERSION);
  const arch = options.arch === undefined ? alpineArchFor() : validateAlpineArch(options.arch);
  const mirror = options.mirror ?? DEFAULT_ALPINE_MIRROR;
  parseDownloadUrl(mirror, "mirror");
  const dir = rootfsDir(name);
  const release = `Alpine ${version} (${arch})`;
  const existing = await existingRootfs(dir);
  const same =
    existing.marker?.kind === "alpine" &&
    existing.marker.alpineVersion === version &&
    existing.marker.arch === arch;
  if (same && existing.marker && !options.force) {
    return {
      name,
      dir,
      status: "up-to-date",
      detail: `${release} is installed`,
      marker: existing.marker,
      notes: [],
      durationMs: performance.now() - started,
    };
  }
  if (existing.present && !options.force) {
    throw new RootfsError(
      `a root filesystem named "${name}" already exists (${describeMarker(existing.marker)}): replace it with --force, ` +
        `or install ${release} under another name (--name alpine-${version})`,
    );
  }
  const source = alpineMinirootfsSource(version, arch, mirror);
  const tarball = await fetchPublishedTarball({
    ...source,
    onProgress: options.onProgress,
    idleTimeoutMs: options.idleTimeoutMs,
    signal: options.signal,
    notFoundAdvice:
      `Is ${release} published? Check the version on https://alpinelinux.org/releases/ and the architecture ` +
      `(one of ${ALPINE_ARCHES.join(", ")})${options.mirror ? ", and that --mirror is an Alpine mirror's base URL" : ""}.`,
  });
  const installed = await installRootfsFromTarball({
    name,
    tarball: tarball.path,
    marker: {
      kind: "alpine",
      source: source.tarballUrl,
      sha256: tarball.sha256,
      alpineVersion: version,
      arch,
    },
    replace: options.force,
    signal: options.signal,
  });
  return {
    name,
    dir: installed.dir,
    status: existing.present ? "replaced" : "created",
    detail: `${release} from ${tarball.fromCache ? "the cache" : source.tarballUrl}`,
    marker: installed.marker,
    notes: [...tarball.notes, ...installed.notes],
    durationMs: performance.now() - started,
  };
}
