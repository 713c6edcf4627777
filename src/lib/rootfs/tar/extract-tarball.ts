// Runs the host's `tar` to extract an archive that inspectTarball found safe.
import { lstat, statfs } from "node:fs/promises";
import { join } from "node:path";
import { HostCommandError, runHost } from "../../host/index.js";
import { RootfsError } from "../rootfs-error.js";
import type { TarballInspection } from "./inspect-tarball.js";
import { displayName, type TarEntry } from "./tar-entry.js";
import { normalizeMemberName } from "./tar-safety.js";

/** Options for {@link extractTarball}. */
export interface ExtractTarballOptions {
  /** Extract as root: keep the archive's numeric owners. @default process.getuid() === 0 */
  asRoot?: boolean;
  /** Aborting kills tar. */
  signal?: AbortSignal;
}

/** Raw bytes of a latin1 member name as the UTF-8 argv string that reaches tar as the same bytes, if any. */
function asArgvText(raw: string): string | undefined {
  const bytes = Buffer.from(raw, "latin1");
  const text = bytes.toString("utf8");
  return Buffer.from(text, "utf8").equals(bytes) ? text : undefined;
}

/**
 * The argv that extracts `inspection` into `dir`, leaving out `skip` (device nodes and fifos).
 * - `--delay-directory-restore`: directory modes (a read-only dir) are applied after their contents exist.
 * - root: `--same-owner --numeric-owner` keeps the archive's uids/gids as numbers (never mapped through the
 *   host's /etc/passwd, whose names mean different ids than the rootfs's); not root: `--no-same-owner`.
 * - no `--overwrite` (tar then unlinks before it creates, never writing through an existing symlink), no
 *   `--absolute-names` (tar keeps refusing "/" and ".." on its own, a second line of defence), and no
 *   `--no-overwrite-dir` (the target is a fresh empty folder; the archive's "./" entry should set its mode).
 * - `--no-wildcards --anchored --exclude=NAME`: each skipped member by its exact name.
 * Returns undefined for a member name that cannot be passed to tar as an argument (not UTF-8).
 */
export function tarExtractArgv(
  inspection: TarballInspection,
  dir: string,
  skip: readonly TarEntry[],
  asRoot: boolean,
): string[] {
  const excludes = skip.map((e) => {
    const text = asArgvText(e.name);
    if (text === undefined)
      throw new RootfsError(`cannot skip the member ${displayName(e.name)}: its name is not UTF-8`);
    return `--exclude=${text}`;
  });
  return [
    "tar",
    "--extract",
    `--file=${inspection.path}`,
    `--directory=${dir}`,
    ...(inspection.compression === "gzip" ? ["--gzip"] : []),
    "--delay-directory-restore",
    ...(asRoot ? ["--same-owner", "--numeric-owner"] : ["--no-same-owner"]),
    ...(excludes.length > 0 ? ["--no-wildcards", "--anchored", ...excludes] : []),
  ];
}

const NO_SPACE = /No space left on device|Disk quota exceeded/i;

/** The error for a full disk (bytes or inodes) while making the rootfs in `dir`. */
export function noSpaceError(source: string, dir: string, cause?: unknown): RootfsError {
  return new RootfsError(
    `no space left on device while extracting ${source} into ${dir}: free some space (\`df -h ${dir}\`, ` +
      `\`df -i ${dir}\`) or point NSBOOK_HOME at a bigger disk. Nothing was kept.`,
    { cause },
  );
}

async function checkFreeSpace(inspection: TarballInspection, dir: string): Promise<void> {
  const fs = await statfs(dir);
  const need = inspection.report.fileBytes + inspection.report.entryCount * fs.bsize;
  const free = fs.bavail * fs.bsize;
  if (free < need) {
    throw new RootfsError(
      `not enough space to extract ${inspection.path} into ${dir}: it needs about ${Math.ceil(need / 2 ** 20)} MiB, ` +
        `${Math.floor(free / 2 ** 20)} MiB are free. Free some space or point NSBOOK_HOME at a bigger disk.`,
    );
  }
}

/**
 * Extracts a checked archive into the empty folder `dir` with the host's tar (LC_ALL=C, so its messages can
 * be recognised), skipping `skip`; then makes sure none of the skipped members exists. Throws a
 * {@link RootfsError} for a full disk (checked before, and recognised in tar's stderr), else the
 * {@link HostCommandError}. The caller removes `dir` on failure.
 */
export async function extractTarball(
  inspection: TarballInspection,
  dir: string,
  skip: readonly TarEntry[],
  options: ExtractTarballOptions = {},
): Promise<void> {
  await checkFreeSpace(inspection, dir);
  const argv = tarExtractArgv(inspection, dir, skip, options.asRoot ?? process.getuid?.() === 0);
  try {
    await runHost(argv, { what: `extract ${inspection.path}`, env: { LC_ALL: "C" }, signal: options.signal });
  } catch (e) {
    if (e instanceof HostCommandError && NO_SPACE.test(e.stderr)) throw noSpaceError(inspection.path, dir, e);
    throw e;
  }
  for (const entry of skip) {
    const norm = normalizeMemberName(entry.name);
    if (!("path" in norm)) continue;
    const there = await lstat(join(dir, norm.path)).then(
      (s) => !s.isDirectory() && !s.isFile() && !s.isSymbolicLink(),
      () => false,
    );
    if (there)
      throw new RootfsError(
        `tar extracted the skipped ${entry.type} ${displayName(entry.name)} anyway: refusing this rootfs`,
      );
  }
}
