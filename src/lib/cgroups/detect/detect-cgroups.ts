// Cgroup detection on the live host: capture, then decide.
import type { CgroupDetection } from "../types.js";
import { detectCgroupsFromFacts } from "./detect-from-facts.js";
import { type ReadCgroupFactsOptions, readCgroupFacts, readCgroupFactsSync } from "./read-cgroup-facts.js";

/** Options for {@link detectCgroups}: where to read from (see {@link ReadCgroupFactsOptions}). */
export type DetectCgroupsOptions = ReadCgroupFactsOptions;

/** Detects cgroup layout and per-controller placement for the calling process. */
export async function detectCgroups(options: DetectCgroupsOptions = {}): Promise<CgroupDetection> {
  return detectCgroupsFromFacts(await readCgroupFacts(options));
}

/** The same as {@link detectCgroups}, synchronously (for test collection and other places that cannot await). */
export function detectCgroupsSync(options: DetectCgroupsOptions = {}): CgroupDetection {
  return detectCgroupsFromFacts(readCgroupFactsSync(options));
}
