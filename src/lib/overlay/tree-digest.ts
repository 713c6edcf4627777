// A fingerprint of a directory tree, to show that a layer did not change.
import { createHash } from "node:crypto";
import { lstat, readdir, readFile, readlink } from "node:fs/promises";
import { join } from "node:path";

/** The fingerprint of a tree: a SHA-256 and how many entries went into it. */
export interface TreeDigest {
  /** Hex SHA-256 over every entry's path, type and mode, size, device number, mtime and content. */
  sha256: string;
  /** Entries below the directory (files, directories, links, devices). */
  entries: number;
}

/** Options for {@link digestTree}. */
export interface DigestTreeOptions {
  /** Top-level names to leave out, e.g. ["tmp"] for a rootfs whose /tmp others write to. @default [] */
  skip?: readonly string[];
}

/**
 * Digests every entry below `dir` (sorted, depth first): path, mode, size, device number, mtime (ms) and the
 * content of files and symlinks. Any write, deletion, chmod or touch changes it; reading does not (atime is
 * left out). Like `find DIR -printf ... | sha256sum` with contents; meant for small trees such as a rootfs.
 */
export async function digestTree(dir: string, options: DigestTreeOptions = {}): Promise<TreeDigest> {
  const skip = new Set(options.skip ?? []);
  const hash = createHash("sha256");
  let entries = 0;
  const walk = async (rel: string): Promise<void> => {
    for (const name of (await readdir(join(dir, rel))).sort()) {
      if (rel === "" && skip.has(name)) continue;
      const path = rel ? `${rel}/${name}` : name;
      const full = join(dir, path);
      const s = await lstat(full);
      entries++;
      hash.update(`${path}\0${s.mode}\0${s.size}\0${s.rdev}\0${s.mtimeMs}\0`);
      if (s.isFile()) hash.update(await readFile(full));
      else if (s.isSymbolicLink()) hash.update(await readlink(full));
      else if (s.isDirectory()) await walk(path);
    }
  };
  await walk("");
  return { sha256: hash.digest("hex"), entries };
}
