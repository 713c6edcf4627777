// Finding a program on PATH without a shell (`command -v` needs one).
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";

/** Whether `path` is a regular file this process may execute. */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The full path of `name` on `pathVariable` (a PATH string), or undefined. A name with a slash is
 * checked as given.
 */
export function findOnPath(
  name: string,
  pathVariable: string = process.env.PATH ?? "",
  isExecutable: (path: string) => boolean = isExecutableFile,
): string | undefined {
  if (name.includes("/")) return isExecutable(name) ? name : undefined;
  for (const dir of pathVariable.split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}
