// Which process an inspection reader looks at: a PID as /proc shows it, or "self" (the calling process).
import { NsbookError } from "../errors/index.js";

/** A PID in the PID namespace of the /proc we read (the host PID of a container's init), or "self". */
export type ProcessRef = number | "self";

/** Throws an NsbookError (the caller's mistake) naming `option` unless `value` is a positive integer PID or "self". */
export function validateProcessRef(value: unknown, option: string): ProcessRef {
  if (value === "self") return value;
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return value;
  throw new NsbookError(
    "invalid-pid",
    `${option} must be a positive integer PID (e.g. a container's host PID) or "self", got ${JSON.stringify(value)}`,
    { userMistake: true },
  );
}

/** The path of a file under /proc/<ref>/, e.g. procPath(42, "ns/net") = "/proc/42/ns/net". */
export function procPath(ref: ProcessRef, file: string): string {
  return `/proc/${ref}/${file}`;
}
