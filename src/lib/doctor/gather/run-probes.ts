// Tries each namespace and filesystem feature for real, in the current privilege mode.
import { type CommandOutcome, type PrivilegeMode, tryCommand } from "../../privilege/index.js";
import { PROBES, type ProbeId, probeArgv } from "../probes.js";

/** Runs every probe (in parallel) and returns how each ended. Each runs in namespaces of its own. */
export async function runProbes(
  mode: PrivilegeMode,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Partial<Record<ProbeId, CommandOutcome>>> {
  const outcomes = await Promise.all(
    PROBES.map(async (p) => [p.id, await tryCommand(probeArgv(p.id, mode), { timeoutMs, signal })] as const),
  );
  return Object.fromEntries(outcomes);
}
