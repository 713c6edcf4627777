// Reading and writing single cgroup files, with errors that carry the path and the value.
import { readFileSync } from "node:fs";
import { constants, open } from "node:fs/promises";
import { join } from "node:path";
import { CgroupFileError } from "./cgroup-file-error.js";

/**
 * Writes `value` to `dir/file` in one write(2), as the kernel expects; throws {@link CgroupFileError} with the
 * path, the value and the errno. The file is opened without O_CREAT, so a missing file is ENOENT (controller
 * not enabled) rather than a misleading EACCES.
 */
export async function writeCgroupFile(dir: string, file: string, value: string): Promise<void> {
  const path = join(dir, file);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, constants.O_WRONLY | constants.O_TRUNC);
    await handle.write(value);
  } catch (e) {
    throw new CgroupFileError("write", path, e, value);
  } finally {
    await handle?.close();
  }
}

/** Reads `dir/file`; undefined when it does not exist. Other errors throw {@link CgroupFileError}. */
export function readCgroupFile(dir: string, file: string): string | undefined {
  const path = join(dir, file);
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENODEV") return undefined;
    throw new CgroupFileError("read", path, e);
  }
}
