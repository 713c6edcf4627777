// Finds a host program (unshare, nsenter, setpriv, sudo) on the host's PATH, not on the container's.
import { accessSync, constants } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";

const cache = new Map<string, string>();

/**
 * The absolute path of `program` on the host: the container's environment is given to the spawned process,
 * so its PATH (which may be anything the user set) must not decide which unshare runs. Searches $PATH, then
 * the sbin and bin folders; returns `program` unchanged when not found (spawn then fails with ENOENT and the
 * error says which package to install).
 */
export function hostProgram(program: string): string {
  if (program.includes("/")) return program;
  const hit = cache.get(program);
  if (hit) return hit;
  const dirs = [
    ...(process.env.PATH ?? "").split(delimiter),
    "/usr/local/sbin",
    "/usr/local/bin",
    "/usr/sbin",
    "/usr/bin",
    "/sbin",
    "/bin",
  ];
  for (const dir of dirs) {
    if (!isAbsolute(dir)) continue;
    const path = join(dir, program);
    try {
      accessSync(path, constants.X_OK);
      cache.set(program, path);
      return path;
    } catch {
      // not here
    }
  }
  return program;
}
