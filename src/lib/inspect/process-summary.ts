// A short account of a PID namespace's processes, for a table next to the container's full list.
import type { PidNamespaceView, ProcessSeenInside } from "./pid-namespace-view.js";

/** Counts and a few examples of what a PID namespace sees. */
export interface ProcessSummary {
  /** Inode of the PID namespace the summary is seen from. */
  pidNamespace: number;
  /** Every visible process, kernel threads included. */
  total: number;
  kernelThreads: number;
  /** Visible processes per PID namespace (the viewer's own first, then by count): containers show up here. */
  perNamespace: { inode: number; processes: number }[];
  /** The first user-space processes by PID inside. */
  sample: ProcessSeenInside[];
}

/** Options for {@link summarizeProcessView}. */
export interface ProcessSummaryOptions {
  /** How many user-space processes to keep as examples. @default 5 */
  sampleSize?: number;
}

/** Summarizes a view (pure). */
export function summarizeProcessView(
  view: PidNamespaceView,
  options: ProcessSummaryOptions = {},
): ProcessSummary {
  const sampleSize = options.sampleSize ?? 5;
  if (!Number.isSafeInteger(sampleSize) || sampleSize < 0) {
    throw new RangeError(`sampleSize must be a whole number >= 0, got ${JSON.stringify(sampleSize)}`);
  }
  const counts = new Map<number, number>();
  const own = view.namespace.inode;
  for (const p of view.processes) {
    // A member whose ns/pid link was unreadable is still in the viewer's own namespace.
    const inode = p.pidNamespace ?? (p.nested ? undefined : own);
    if (inode !== undefined) counts.set(inode, (counts.get(inode) ?? 0) + 1);
  }
  const perNamespace = [...counts]
    .map(([inode, processes]) => ({ inode, processes }))
    .sort(
      (a, b) =>
        Number(b.inode === own) - Number(a.inode === own) || b.processes - a.processes || a.inode - b.inode,
    );
  return {
    pidNamespace: own,
    total: view.processes.length,
    kernelThreads: view.processes.filter((p) => p.kernelThread).length,
    perNamespace,
    sample: view.processes.filter((p) => !p.kernelThread).slice(0, sampleSize),
  };
}
