// Container names: what is allowed, and a fresh one when the user gives none.
import { randomBytes } from "node:crypto";
import { invalidOption } from "../errors/index.js";

/** Longest name, in characters: it becomes a folder name, part of cgroup and veth names, and a hostname. */
export const MAX_NAME_LENGTH = 40;

const NAME_RE = /^[a-z0-9][a-z0-9_.-]*$/;

/**
 * Returns `name` when it is a valid container name: 1-40 characters of a-z, 0-9, "_", "." and "-", starting
 * with a letter or digit, without "..". Names become folder names under the run directory, so anything that
 * could walk out of it ("/", "..", a leading ".") is refused here, before any path is built.
 */
export function validateContainerName(name: unknown): string {
  const rule = `is not a valid container name: use 1-${MAX_NAME_LENGTH} characters of a-z, 0-9, "_", "." and "-", starting with a letter or digit, without ".."`;
  if (typeof name !== "string") throw invalidOption("name", name, rule);
  if (name.length < 1 || name.length > MAX_NAME_LENGTH || !NAME_RE.test(name) || name.includes("..")) {
    throw invalidOption("name", name, rule);
  }
  return name;
}

/** A fresh name, e.g. "nsb-3f9a1c". */
export function generateContainerName(): string {
  return `nsb-${randomBytes(3).toString("hex")}`;
}
