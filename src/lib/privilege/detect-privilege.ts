// Privilege detection on the live host.
import { classifyPrivilege } from "./classify-privilege.js";
import { type ReadPrivilegeFactsOptions, readPrivilegeFacts } from "./read-privilege-facts.js";
import type { PrivilegeReport } from "./types.js";

/** Options for {@link detectPrivilege} (see {@link ReadPrivilegeFactsOptions}). */
export type DetectPrivilegeOptions = ReadPrivilegeFactsOptions;

/** Detects the privilege mode of the calling process by trying sudo and a user namespace for real. */
export async function detectPrivilege(options: DetectPrivilegeOptions = {}): Promise<PrivilegeReport> {
  return classifyPrivilege(await readPrivilegeFacts(options));
}
