import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  executeNotebook,
  isKernelStartFailure,
  retryIfKernelDidNotStart,
} from "../../../src/handouts/index.js";

const scratch = mkdtempSync(join(tmpdir(), "nsbook-kernel-race-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// The ends of real nbclient 0.7 / jupyter_client 7.4 logs.
const DIED = [
  "Traceback (most recent call last):",
  '  File "/usr/lib/python3/dist-packages/jupyter_client/client.py", line 204, in _async_wait_for_ready',
  '    raise RuntimeError("Kernel died before replying to kernel_info")',
  "RuntimeError: Kernel died before replying to kernel_info",
].join("\n");
const NO_REPLY = "RuntimeError: Kernel didn't respond in 120 seconds";
const CELL_TIMEOUT =
  "nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, after 600 seconds.";
const DIED_IN_A_CELL = "nbclient.exceptions.DeadKernelError: Kernel died";

describe("isKernelStartFailure", () => {
  it("recognises both ways jupyter_client reports a kernel that never started", () => {
    expect(isKernelStartFailure(DIED)).toBe(true);
    expect(isKernelStartFailure(`stderr before\n${NO_REPLY}\n`)).toBe(true);
  });

  it("does not take a notebook's own failures for it: a cell timeout, a kernel that died running a cell", () => {
    expect(isKernelStartFailure(CELL_TIMEOUT)).toBe(false);
    expect(isKernelStartFailure(DIED_IN_A_CELL)).toBe(false);
    expect(isKernelStartFailure("execution ended with exit code 1")).toBe(false);
  });
});

/** An attempt function that returns (or throws) the given outcomes in order, counting its calls. */
function scripted<T>(outcomes: Array<T | Error>): { attempt: () => Promise<T>; calls: () => number } {
  let n = 0;
  return {
    attempt: async () => {
      const o = outcomes[n++];
      if (o === undefined) throw new Error(`attempt ${n} was not expected`);
      if (o instanceof Error) throw o;
      return o;
    },
    calls: () => n,
  };
}

type Run = { ok: boolean; log?: string };
const logOf = (r: Run) => (r.ok ? undefined : r.log);

describe("retryIfKernelDidNotStart", () => {
  it("runs once when the first run succeeds", async () => {
    const s = scripted<Run>([{ ok: true }]);
    const retries: string[] = [];
    await expect(retryIfKernelDidNotStart(s.attempt, logOf, (l) => retries.push(l))).resolves.toEqual({
      ok: true,
    });
    expect(s.calls()).toBe(1);
    expect(retries).toEqual([]);
  });

  it("runs once more after a failed start, says so with the first log, and returns the second run", async () => {
    const s = scripted<Run>([{ ok: false, log: DIED }, { ok: true }]);
    const retries: string[] = [];
    await expect(retryIfKernelDidNotStart(s.attempt, logOf, (l) => retries.push(l))).resolves.toEqual({
      ok: true,
    });
    expect(s.calls()).toBe(2);
    expect(retries).toEqual([DIED]);
  });

  it("treats a rejection whose message is a failed start the same way", async () => {
    const s = scripted<Run>([new Error(`nbconvert failed on x.ipynb:\n${NO_REPLY}`), { ok: true }]);
    const retries: string[] = [];
    await expect(retryIfKernelDidNotStart(s.attempt, logOf, (l) => retries.push(l))).resolves.toEqual({
      ok: true,
    });
    expect(retries).toHaveLength(1);
    expect(retries[0]).toContain(NO_REPLY);
  });

  it("tries only once more: a second failed start is the result", async () => {
    const second = { ok: false, log: NO_REPLY };
    const s = scripted<Run>([{ ok: false, log: DIED }, second]);
    await expect(retryIfKernelDidNotStart(s.attempt, logOf, () => {})).resolves.toBe(second);
    expect(s.calls()).toBe(2);
  });

  it("never retries the notebook's own failure, returned or thrown", async () => {
    const failed = { ok: false, log: CELL_TIMEOUT };
    const returned = scripted<Run>([failed]);
    await expect(retryIfKernelDidNotStart(returned.attempt, logOf, () => {})).resolves.toBe(failed);
    expect(returned.calls()).toBe(1);
    const thrown = scripted<Run>([new Error(DIED_IN_A_CELL)]);
    await expect(retryIfKernelDidNotStart(thrown.attempt, logOf, () => {})).rejects.toThrow(DIED_IN_A_CELL);
    expect(thrown.calls()).toBe(1);
  });
});

/**
 * A stand-in for Python: called as `python -c PROGRAM SRC DST ...` like the real one. Each run appends a
 * line to `runs`; the runs listed in `failures` (1-based) print that log and exit 1, the others copy SRC to
 * DST as the "executed" notebook.
 */
function fakePython(name: string, failures: Record<number, string>): { python: string; runs: string } {
  const runs = join(scratch, `${name}.runs`);
  writeFileSync(runs, "");
  const cases = Object.entries(failures)
    .map(([n, log]) => `  ${n}) printf '%s\\n' '${log.replace(/'/g, "'\\''")}' >&2; exit 1 ;;`)
    .join("\n");
  const python = join(scratch, `${name}.sh`);
  writeFileSync(
    python,
    `#!/bin/sh\necho run >> '${runs}'\nn=$(wc -l < '${runs}')\ncase $n in\n${cases}\nesac\ncp "$3" "$4"\n`,
  );
  chmodSync(python, 0o755);
  return { python, runs };
}

const NOTEBOOK = JSON.stringify({
  cells: [{ cell_type: "markdown", id: "a", metadata: {}, source: ["# Title"] }],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5,
});

async function handoutRun(name: string, failures: Record<number, string>) {
  const { python, runs } = fakePython(name, failures);
  const notebookPath = join(scratch, `${name}.ipynb`);
  writeFileSync(notebookPath, NOTEBOOK);
  const retries: string[] = [];
  const outcome = await executeNotebook({
    python,
    root: scratch,
    lang: "en",
    notebookPath,
    outputDir: mkdtempSync(join(scratch, "out-")),
    onKernelRetry: (first) => retries.push(first),
  });
  return { outcome, retries, runs: readFileSync(runs, "utf8").split("\n").filter(Boolean).length };
}

describe("executeNotebook (handouts) and a kernel that did not start", () => {
  it("runs the notebook once more, reports the first failure, and records the retry", async () => {
    const { outcome, retries, runs } = await handoutRun("race-once", { 1: DIED });
    expect(runs).toBe(2);
    expect(outcome.ok).toBe(true);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toContain("Kernel died before replying to kernel_info");
    expect(outcome.kernelRetried).toBe(retries[0]);
  });

  it("gives up after the second failed start, with that failure as the reason", async () => {
    const { outcome, runs } = await handoutRun("race-twice", { 1: DIED, 2: NO_REPLY });
    expect(runs).toBe(2);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.reason).toContain("Kernel didn't respond in 120 seconds");
  });

  it("does not run a notebook again that failed on its own", async () => {
    const { outcome, retries, runs } = await handoutRun("cell-timeout", { 1: CELL_TIMEOUT });
    expect(runs).toBe(1);
    expect(retries).toEqual([]);
    expect(outcome.ok === false && outcome.reason).toContain("CellTimeoutError");
    expect(outcome.kernelRetried).toBeUndefined();
  });

  it("runs a notebook that works once", async () => {
    const { outcome, retries, runs } = await handoutRun("fine", {});
    expect(runs).toBe(1);
    expect(outcome.ok).toBe(true);
    expect(retries).toEqual([]);
  });
});
