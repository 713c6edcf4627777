// `nsbook run --cap-drop CAP[,CAP...] --readonly-paths --no-new-privs`: read into `capDrop` and `hardening`.
import { type HardeningOptions, normalizeCapDrop } from "../lib/index.js";
import { badOption } from "./usage-error.js";

/** The flags as parseArgs gives them. */
export interface HardeningFlagValues {
  "cap-drop"?: string[];
  "readonly-paths"?: boolean;
  "no-new-privs"?: boolean;
}

/**
 * `capDrop` from repeated or comma-separated `--cap-drop` (checked here, so a bad name is a usage error), and
 * `hardening` from `--readonly-paths` (runc's masked paths and read-only paths together, as Docker applies both)
 * and `--no-new-privs`. Empty when no flag is given; with any, the library picks pivot_root.
 */
export function hardeningFromFlags(
  values: HardeningFlagValues,
  usage: string,
): { capDrop?: string[]; hardening?: HardeningOptions } {
  const names = (values["cap-drop"] ?? []).flatMap((v) => v.split(",")).filter((v) => v.trim() !== "");
  let capDrop: string[] = [];
  try {
    // The library names the option as it is given here: `--cap-drop: "FOO" is not a Linux capability...`.
    capDrop = normalizeCapDrop(names, "--cap-drop");
  } catch (e) {
    const value = (e as { value?: unknown }).value;
    throw badOption(usage, {
      option: "--cap-drop",
      ...(typeof value === "string" ? { value } : {}),
      why: (e as Error).message.replace(/^--cap-drop: /, ""),
    });
  }
  const hardening: HardeningOptions = {};
  if (values["readonly-paths"]) {
    hardening.maskPaths = true;
    hardening.readonlyPaths = true;
  }
  if (values["no-new-privs"]) hardening.noNewPrivs = true;
  return {
    ...(capDrop.length > 0 ? { capDrop } : {}),
    ...(Object.keys(hardening).length > 0 ? { hardening } : {}),
  };
}
