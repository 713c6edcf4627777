// Reading an upper layer: which entries are whiteouts (files deleted from a lower layer).
import type { Stats } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";

/**
 * True when `stats` is an overlayfs whiteout: a character device with device number 0/0. overlayfs puts one in
 * the upper layer where a file of a lower layer was deleted; the merged view then hides that name. (A whole
 * directory replaced is marked differently, by the xattr `trusted.overlay.opaque="y"` on the upper directory.)
 */
export function isWhiteout(stats: Stats): boolean {
  return stats.isCharacterDevice() && stats.rdev === 0;
}

/** One entry of an upper layer, relative to it ("etc/hostname"). */
export interface LayerEntry {
  path: string;
  kind: "file" | "directory" | "symlink" | "whiteout" | "other";
}

function kindOf(s: Stats): LayerEntry["kind"] {
  if (isWhiteout(s)) return "whiteout";
  if (s.isDirectory()) return "directory";
  if (s.isSymbolicLink()) return "symlink";
  return s.isFile() ? "file" : "other";
}

/** Lists every entry of a layer directory (upper or committed), depth first, sorted, at most `limit`. */
export async function listLayerEntries(dir: string, limit = 10_000): Promise<LayerEntry[]> {
  const out: LayerEntry[] = [];
  const walk = async (rel: string): Promise<void> => {
    const names = (await readdir(join(dir, rel))).sort();
    for (const name of names) {
      if (out.length >= limit) return;
      const path = rel ? `${rel}/${name}` : name;
      const s = await lstat(join(dir, path));
      out.push({ path, kind: kindOf(s) });
      if (s.isDirectory()) await walk(path);
    }
  };
  await walk("");
  return out;
}

/** Paths of the whiteouts in a layer directory (files deleted from the layers below), sorted. */
export async function findWhiteouts(dir: string): Promise<string[]> {
  return (await listLayerEntries(dir)).filter((e) => e.kind === "whiteout").map((e) => e.path);
}
