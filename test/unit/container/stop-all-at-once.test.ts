// `stop --all` with many containers stops a bounded number at once (state folders on real files; the stop itself
// is replaced by one that counts how many run at the same time).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { normalizeSpec, STOP_ALL_AT_ONCE, stopAllContainers } from "../../../src/lib/container/index.js";
import { claimContainerDir, writeState } from "../../../src/lib/core/index.js";

// vi.mock is hoisted above the imports; the counters it uses are created with it.
const counts = vi.hoisted(() => ({ inFlight: 0, most: 0 }));
vi.mock("../../../src/lib/container/stop-container.js", () => ({
  stopContainer: async (name: string) => {
    counts.inFlight++;
    counts.most = Math.max(counts.most, counts.inFlight);
    await new Promise((r) => setTimeout(r, 5));
    counts.inFlight--;
    return { name, existed: true, wasRunning: true, escalated: false, removed: true };
  },
}));

let run = "";
const previous = process.env.NSBOOK_RUN_DIR;
beforeAll(() => {
  run = mkdtempSync(join(tmpdir(), "nsbook-stop-all-unit-"));
  process.env.NSBOOK_RUN_DIR = run;
});
afterAll(() => {
  if (previous === undefined) delete process.env.NSBOOK_RUN_DIR;
  else process.env.NSBOOK_RUN_DIR = previous;
  rmSync(run, { recursive: true, force: true });
});

describe("stop --all", () => {
  // Found by the soak: with ~170 containers, stopping them all at once ran out of file descriptors (EMFILE) and
  // queued every stop of the bridge's containers on its lease lock past the lock's 10 s wait.
  it(`stops every container, at most ${STOP_ALL_AT_ONCE} at once`, async () => {
    const names = Array.from({ length: 60 }, (_, i) => `many-${i}`);
    for (const name of names) {
      expect(await claimContainerDir(name)).toBe(true);
      await writeState({
        version: 1,
        name,
        kind: "detached",
        privilege: "root",
        spec: normalizeSpec({ name }, "/r", ["true"], undefined),
        createdAt: new Date().toISOString(),
        phase: "running",
        launcher: { pid: process.pid, startTime: 1 },
        owner: "kernel-unit",
        logPath: join(run, name, "init.log"),
        cgroupProcsFiles: [],
        resources: [],
      });
    }
    // With an owner, stop --all stops that owner's containers and nothing else (no /proc or cgroup sweep).
    const report = await stopAllContainers({ owner: "kernel-unit" });
    expect(report.removed).toEqual([...names].sort());
    expect(report.problems).toEqual([]);
    expect(counts.most).toBe(STOP_ALL_AT_ONCE);
  });
});
