// Waiting on processes of a PID namespace, here the test's own (the host's): real processes, started and
// killed by the test.
import { type ChildProcess, spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import {
  readProcessesSeenBy,
  waitForProcesses,
  waitForProcessesGone,
} from "../../../src/lib/inspect/index.js";

const started: ChildProcess[] = [];
const sleeper = () => {
  const child = spawn("sleep", ["30"], { stdio: "ignore" });
  started.push(child);
  return child.pid as number;
};

afterEach(() => {
  for (const child of started.splice(0)) child.kill("SIGKILL");
});

describe("waitForProcesses", () => {
  it("resolves once the namespace holds that many processes of that name", async () => {
    sleeper();
    sleeper();
    expect(await waitForProcesses(process.pid, { count: 2, name: "sleep" })).toBeGreaterThanOrEqual(2);
  });

  it("says how many it saw when they do not come in time", async () => {
    await expect(
      waitForProcesses(process.pid, { count: 1, name: "nsbook-never-such-process", timeoutMs: 50 }),
    ).rejects.toThrow(/0 "nsbook-never-such-process" processes in its PID namespace after 50 ms, expected 1/);
  });

  it("refuses a count that is not a whole number of at least 1", async () => {
    await expect(waitForProcesses(process.pid, { count: 0 })).rejects.toThrow(RangeError);
  });
});

describe("waitForProcessesGone", () => {
  it("returns the processes still running after the timeout, and none once they are killed", async () => {
    const pid = sleeper();
    await waitForProcesses(process.pid, { count: 1, name: "sleep" });
    const seen = (await readProcessesSeenBy(process.pid)).processes.filter((p) => p.pid === pid);
    expect(seen).toHaveLength(1);
    expect(await waitForProcessesGone(seen, 50)).toEqual(seen);
    for (const child of started) child.kill("SIGKILL");
    expect(await waitForProcessesGone(seen, 5_000)).toEqual([]);
  });
});
