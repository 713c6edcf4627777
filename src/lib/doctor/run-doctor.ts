// `nsbook doctor` as a library call: gather the facts, then evaluate them.
import { evaluateDoctor } from "./evaluate-doctor.js";
import { type ReadDoctorFactsOptions, readDoctorFacts } from "./gather/index.js";
import type { DoctorReport } from "./types.js";

/** Options for {@link runDoctor} (see {@link ReadDoctorFactsOptions}). */
export type RunDoctorOptions = ReadDoctorFactsOptions;

/** Checks what this machine can do for the course and which steps will not run, with the exact fixes. */
export async function runDoctor(options: RunDoctorOptions = {}): Promise<DoctorReport> {
  return evaluateDoctor(await readDoctorFacts(options));
}
