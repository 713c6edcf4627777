// /proc/PID/setgroups: whether processes of a user namespace may call setgroups(2).

import { type ProcessRef, validateProcessRef } from "./process-ref.js";
import { readProcText } from "./read-proc-file.js";

/** "allow" or "deny", as /proc/PID/setgroups says. */
export type SetgroupsPolicy = "allow" | "deny";

/**
 * Parses /proc/PID/setgroups. "deny" is what an unprivileged user must write before it may write a gid_map
 * (since Linux 3.19): otherwise root inside could drop a supplementary group and so gain access to files whose
 * permissions deny that group (a "negative" group permission such as `rw----r--`). unshare --map-root-user
 * writes "deny"; a namespace made by a privileged process, and the initial one, say "allow".
 */
export function parseSetgroups(text: string): SetgroupsPolicy {
  const word = text.trim();
  if (word === "allow" || word === "deny") return word;
  throw new TypeError(`not a setgroups policy (expected "allow" or "deny"): ${JSON.stringify(text)}`);
}

/** The setgroups policy of process `pid`'s user namespace. */
export async function readSetgroups(pid: ProcessRef): Promise<SetgroupsPolicy> {
  validateProcessRef(pid, "pid");
  return parseSetgroups(await readProcText(pid, "setgroups"));
}
