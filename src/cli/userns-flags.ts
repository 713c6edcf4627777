// `nsbook run --userns [--userns-uid UID] [--userns-gid GID]`: the flags, read into the container's `userns` option.
import type { UsernsOptions } from "../lib/index.js";
import { badOption } from "./usage-error.js";

/** The flags as parseArgs gives them. */
export interface UsernsFlagValues {
  userns?: boolean;
  "userns-uid"?: string;
  "userns-gid"?: string;
}

function id(flag: string, text: string | undefined, usage: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()))
    throw badOption(usage, { option: flag, value: text, why: "expected a numeric host ID, e.g. 65534" });
  return Number(text.trim());
}

/**
 * The `userns` option from the flags: undefined without any, `true` for a bare `--userns` (root inside is
 * nobody/65534 outside), `{ hostUid, hostGid }` when an ID is given (either flag implies --userns). The library
 * validates the range.
 */
export function usernsFromFlags(values: UsernsFlagValues, usage: string): true | UsernsOptions | undefined {
  const hostUid = id("--userns-uid", values["userns-uid"], usage);
  const hostGid = id("--userns-gid", values["userns-gid"], usage);
  if (hostUid === undefined && hostGid === undefined) return values.userns ? true : undefined;
  return {
    ...(hostUid === undefined ? {} : { hostUid }),
    ...(hostGid === undefined ? {} : { hostGid }),
  };
}
