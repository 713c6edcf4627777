// The hook through which the cgroups module says how a container really ended: unshare reports an OOM kill
// of the container's init as exit 1 ("sigprocmask unblock failed"), but the cgroup's counters know better.
import type { UsageSample } from "../../cgroups/usage/usage-sample.js";
import type { ContainerState } from "../state/container-state.js";

/** How a container's main process ended, as its launcher saw it. */
export interface ObservedExit {
  /** Exit code as reported (unshare's), when it exited. */
  code?: number;
  /** Signal that ended it, when one did. */
  signal?: string;
}

/** What the container's resources tell about its end. */
export interface ExitInspection {
  /** The exit code to report: 137 after an OOM kill, whatever unshare said. */
  exitCode: number;
  /** True when the OOM killer ended the container. */
  oomKilled: boolean;
  /** One line, e.g. "killed: out of memory (limit 32 MiB, peak 32 MiB)" or "exited with code 0". */
  message: string;
  /** The same line in Japanese. */
  messageJa?: string;
  /** Its cgroups' usage read after the end (peak memory, CPU time, limit hits). */
  usage?: UsageSample;
}

/**
 * Reads what the container's resources recorded about its end (cgroup counters) and describes it; undefined
 * when the container has nothing to read (no cgroups, or they are gone). Must be called BEFORE the resources
 * are disposed of.
 */
export type ExitInspector = (
  state: ContainerState,
  exit: ObservedExit,
) => Promise<ExitInspection | undefined>;

let inspector: ExitInspector | undefined;

/** Installs the exit inspector (the cgroups module does, on import); undefined removes it. */
export function setExitInspector(next: ExitInspector | undefined): void {
  inspector = next;
}

/** Describes how the container ended from its resources, when an inspector is installed and has something to read. */
export async function inspectExit(
  state: ContainerState,
  exit: ObservedExit,
): Promise<ExitInspection | undefined> {
  if (!inspector) return undefined;
  try {
    return await inspector(state, exit);
  } catch {
    // A report is a courtesy: a cgroup removed meanwhile must not turn a finished run into an error.
    return undefined;
  }
}
