// Small readers of one file or link under /proc/PID, with errors that name the process.
import { readFileSync } from "node:fs";
import { readFile, readlink } from "node:fs/promises";
import { ProcFileError } from "./proc-file-error.js";
import { type ProcessRef, procPath } from "./process-ref.js";

/** The text of /proc/<pid>/<file>; throws {@link ProcFileError}. */
export async function readProcText(pid: ProcessRef, file: string): Promise<string> {
  const path = procPath(pid, file);
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    throw new ProcFileError(pid, path, e);
  }
}

/** Synchronous {@link readProcText}, for exit hooks and other places that cannot wait. */
export function readProcTextSync(pid: ProcessRef, file: string): string {
  const path = procPath(pid, file);
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new ProcFileError(pid, path, e);
  }
}

/** The target of the link /proc/<pid>/<file> (e.g. "net:[4026531833]"); throws {@link ProcFileError}. */
export async function readProcLink(pid: ProcessRef, file: string): Promise<string> {
  const path = procPath(pid, file);
  try {
    return await readlink(path);
  } catch (e) {
    throw new ProcFileError(pid, path, e);
  }
}

/** Runs a /proc read and returns undefined instead of throwing when the process has gone meanwhile. */
export async function unlessGone<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof ProcFileError && e.processGone) return undefined;
    throw e;
  }
}
