// `nsbook run --overlay [--keep-upper] [--layer NAME]...`: the flags, read into the container's `overlay` option.
import type { OverlayOptions } from "../lib/index.js";
import { badOption } from "./usage-error.js";

/** The flags as parseArgs gives them. */
export interface OverlayFlagValues {
  overlay?: boolean;
  "keep-upper"?: boolean;
  layer?: string[];
}

/**
 * The `overlay` option from the flags: undefined without any; `--keep-upper` and `--layer` imply `--overlay`.
 * `--layer` may be repeated: the first given is the top layer. The library validates the names.
 */
export function overlayFromFlags(values: OverlayFlagValues, usage: string): OverlayOptions | undefined {
  const lowers = values.layer ?? [];
  if (!values.overlay && !values["keep-upper"] && lowers.length === 0) return undefined;
  if (lowers.some((l) => l === ""))
    throw badOption(usage, {
      option: "--layer",
      value: "",
      why: "needs a layer name",
      fix: "see `nsbook layers list`",
    });
  return {
    ...(lowers.length > 0 ? { lowers } : {}),
    ...(values["keep-upper"] ? { keep: true } : {}),
  };
}
