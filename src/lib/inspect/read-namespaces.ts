// Reader of a process's namespace identities from /proc/PID/ns.
import { existsSync } from "node:fs";
import {
  NAMESPACE_LINKS,
  type NamespaceId,
  type NamespaceLink,
  parseNamespaceLink,
} from "./namespace-link.js";
import { ProcFileError } from "./proc-file-error.js";
import { type ProcessRef, procPath, validateProcessRef } from "./process-ref.js";
import { readProcLink } from "./read-proc-file.js";

/** The namespaces of one process; a link is undefined when it cannot be read while the process exists. */
export type NamespaceSet = Record<NamespaceLink, NamespaceId | undefined>;

/**
 * Reads every link in /proc/<pid>/ns. Throws {@link ProcFileError} when the process does not exist
 * or may not be inspected.
 *
 * A link can fail with ENOENT while the process still exists: a zombie keeps only its `pid` and `user`
 * links (the others were dropped at exit), and an older kernel has no `time` namespace (Linux < 5.6).
 * Those links are reported as undefined, not as a vanished process.
 */
export async function readNamespaces(pid: ProcessRef): Promise<NamespaceSet> {
  validateProcessRef(pid, "pid");
  const results = await Promise.allSettled(NAMESPACE_LINKS.map((link) => readProcLink(pid, `ns/${link}`)));
  const set = {} as NamespaceSet;
  for (const [i, link] of NAMESPACE_LINKS.entries()) {
    const r = results[i];
    if (r?.status === "fulfilled") {
      set[link] = parseNamespaceLink(r.value);
      continue;
    }
    const error = r?.reason;
    const missingLink =
      error instanceof ProcFileError && error.processGone && existsSync(procPath(pid, "stat"));
    if (!missingLink) throw error;
    set[link] = undefined;
  }
  return set;
}
