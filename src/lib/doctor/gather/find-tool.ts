// Finding a program the way a shell does, and noticing when it is only in an sbin directory off PATH.
import { posix } from "node:path";

/** Directories where Debian keeps admin tools that a non-root user's PATH often lacks. */
export const SBIN_DIRS: readonly string[] = ["/usr/local/sbin", "/usr/sbin", "/sbin"];

/** Where `name` is: on PATH, or off PATH in an sbin directory. */
export function locateTool(
  name: string,
  pathVar: string,
  isExecutable: (path: string) => boolean,
): { path?: string; offPath?: string } {
  const dirs = pathVar.split(":").filter(Boolean);
  const onPath = dirs.map((d) => posix.join(d, name)).find(isExecutable);
  if (onPath) return { path: onPath };
  const off = SBIN_DIRS.filter((d) => !dirs.includes(d))
    .map((d) => posix.join(d, name))
    .find(isExecutable);
  return off ? { offPath: off } : {};
}
