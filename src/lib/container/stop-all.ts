// `nsbook stop --all`: every container of ours stopped and removed, whatever state a crash left it in.
import { resolve } from "node:path";
import { runDir } from "../paths.js";
import { privilegeForCleanup } from "./privilege-mode.js";
import { findMarkedProcesses } from "./process/marker-scan.js";
import { signalProcesses } from "./process/signal-processes.js";
import { waitUntilGone } from "./process/wait-until-gone.js";
import { listContainerNames } from "./state/state-store.js";
import { stopContainer } from "./stop-container.js";

/** Options for {@link stopAllContainers}. */
export interface StopAllOptions {
  /** Time between SIGTERM and SIGKILL for each container, in ms. @default 2000 */
  timeoutMs?: number;
}

/** What `stop --all` did, and what it could not undo. */
export interface StopAllReport {
  /** Containers stopped and removed. */
  removed: string[];
  /** Those that were still running. */
  wereRunning: string[];
  /** PIDs of marked processes that belonged to no container folder (a launch that crashed before its state). */
  strays: number[];
  /** What could not be cleaned up, one line each (empty when everything is gone). */
  problems: string[];
}

/**
 * Stops and removes every container under the run directory (in parallel), then kills any process that still
 * carries the marker of a container folder under it. Afterwards no process, mount, namespace, resource or state
 * file of those containers remains, unless `problems` says otherwise.
 */
export async function stopAllContainers(options: StopAllOptions = {}): Promise<StopAllReport> {
  const report: StopAllReport = { removed: [], wereRunning: [], strays: [], problems: [] };
  const names = await listContainerNames();
  await Promise.all(
    names.map(async (name) => {
      try {
        const outcome = await stopContainer(name, { remove: true, timeoutMs: options.timeoutMs ?? 2000 });
        if (outcome.removed) report.removed.push(name);
        if (outcome.wasRunning) report.wereRunning.push(name);
      } catch (e) {
        report.problems.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }),
  );
  const strays = await findMarkedProcesses(resolve(runDir()));
  if (strays.length > 0) {
    report.strays = strays.map((s) => s.pid);
    await signalProcesses(report.strays, "SIGKILL", await privilegeForCleanup());
    const left = await waitUntilGone(strays, 5000);
    if (left.length > 0)
      report.problems.push(`processes ${left.map((p) => p.pid).join(", ")} survived SIGKILL`);
  }
  report.removed.sort();
  report.wereRunning.sort();
  return report;
}
