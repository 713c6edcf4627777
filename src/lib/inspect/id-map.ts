// The uid and gid maps of a process's user namespace (/proc/PID/uid_map, gid_map): parsers, readers, lookups.

import { type ProcessRef, validateProcessRef } from "./process-ref.js";
import { readProcText } from "./read-proc-file.js";

/** One line of an ID map: IDs inside..inside+count-1 of the namespace are outside..outside+count-1. */
export interface IdMapRange {
  /** First ID inside the process's user namespace. */
  inside: number;
  /** First ID in the user namespace of the process that READ the map (the host's, for a reader on the host). */
  outside: number;
  /** How many consecutive IDs the line maps. */
  count: number;
}

/** What kind of ID a map maps. */
export type IdKind = "uid" | "gid";

/** The ID the kernel reports for an ID that a namespace does not map (/proc/sys/kernel/overflowuid). */
export const OVERFLOW_ID = 65534;

/**
 * Parses the text of /proc/PID/uid_map or gid_map: lines of three numbers, "inside outside count". The map of
 * the initial namespace is "0 0 4294967295" (everything is itself); a rootless container's is one line such as
 * "0 1000 1". An empty map means nothing is written yet (the namespace is brand new). Throws on a malformed line.
 *
 * The middle column depends on the READER: for a process in another user namespace (the host, reading a
 * container's map) the kernel translates it into the reader's namespace, so it is a host ID; for a process in
 * the same namespace (reading it from inside) it is an ID of the namespace's parent. Either way, read from the
 * host or from inside a container one level down, it names the host's user.
 */
export function parseIdMap(text: string): IdMapRange[] {
  const ranges: IdMapRange[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const fields = line.trim().split(/\s+/);
    const [inside, outside, count] = fields.map(Number);
    if (
      fields.length !== 3 ||
      !fields.every((f) => /^\d+$/.test(f)) ||
      inside === undefined ||
      outside === undefined ||
      count === undefined
    ) {
      throw new TypeError(`not an ID map line (expected "inside outside count"): ${JSON.stringify(line)}`);
    }
    ranges.push({ inside, outside, count });
  }
  return ranges;
}

/** The map of process `pid`'s user namespace for `kind` ("uid" reads uid_map, "gid" gid_map). */
export async function readIdMap(pid: ProcessRef, kind: IdKind): Promise<IdMapRange[]> {
  validateProcessRef(pid, "pid");
  return parseIdMap(await readProcText(pid, `${kind}_map`));
}

/** The uid map of process `pid` (see {@link parseIdMap}). */
export function readUidMap(pid: ProcessRef): Promise<IdMapRange[]> {
  return readIdMap(pid, "uid");
}

/** The gid map of process `pid` (see {@link parseIdMap}). */
export function readGidMap(pid: ProcessRef): Promise<IdMapRange[]> {
  return readIdMap(pid, "gid");
}

/**
 * The outside ID (the reader's, usually the host's) of ID `inside` of a namespace with map `ranges`, or
 * undefined when the namespace does not map it: files owned by an unmapped ID show as {@link OVERFLOW_ID}
 * inside, and a process cannot become it.
 */
export function insideToOutside(ranges: readonly IdMapRange[], inside: number): number | undefined {
  for (const r of ranges) {
    if (inside >= r.inside && inside - r.inside < r.count) return r.outside + (inside - r.inside);
  }
  return undefined;
}

/** The inside ID of outside (host) ID `outside`, or undefined when unmapped (it then shows as 65534 inside). */
export function outsideToInside(ranges: readonly IdMapRange[], outside: number): number | undefined {
  for (const r of ranges) {
    if (outside >= r.outside && outside - r.outside < r.count) return r.inside + (outside - r.outside);
  }
  return undefined;
}

/** The host uid that uid `inside` of process `pid`'s user namespace is (read from the host), or undefined. */
export async function hostUidOf(pid: ProcessRef, inside: number): Promise<number | undefined> {
  return insideToOutside(await readUidMap(pid), inside);
}

/** The map as the kernel prints it, one "inside outside count" line per range (for display). */
export function formatIdMap(ranges: readonly IdMapRange[]): string {
  return ranges.map((r) => `${r.inside} ${r.outside} ${r.count}`).join("\n");
}
