// A small constructor for doctor checks, so every check module reads the same.
import { type Localized, textIn } from "../../text/index.js";
import type { DoctorCheck } from "../types.js";

/** Builds a check, in English and Japanese (a plain string is the same in both); `fix` is dropped when undefined. */
export function check(
  id: string,
  group: string,
  title: Localized,
  status: DoctorCheck["status"],
  detail: Localized,
  fix?: Localized,
): DoctorCheck {
  const fixJa = fix === undefined ? undefined : textIn(fix, "ja");
  return {
    id,
    group,
    title: textIn(title, "en"),
    status,
    detail: textIn(detail, "en"),
    ...(fix ? { fix: textIn(fix, "en") } : {}),
    ja: { title: textIn(title, "ja"), detail: textIn(detail, "ja"), ...(fixJa ? { fix: fixJa } : {}) },
  };
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
