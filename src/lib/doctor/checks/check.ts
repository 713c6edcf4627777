// A small constructor for doctor checks, so every check module reads the same.
import type { DoctorCheck } from "../types.js";

/** Builds a check; `fix` is dropped when undefined. */
export function check(
  id: string,
  group: string,
  title: string,
  status: DoctorCheck["status"],
  detail: string,
  fix?: string,
): DoctorCheck {
  return { id, group, title, status, detail, ...(fix ? { fix } : {}) };
}

/** The first non-empty line of a command's stderr. */
export function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? ""
  );
}
