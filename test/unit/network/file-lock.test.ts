import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { isNsbookError } from "../../../src/lib/errors/index.js";
import { removeIdleLockFiles, withFileLock } from "../../../src/lib/network/file-lock.js";

const WORKER = join(__dirname, "support/lock-worker.ts");
const dir = mkdtempSync(join(tmpdir(), "nsbook-lock-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A worker process (support/lock-worker.ts) that has started and waits for work. */
interface Worker {
  child: ChildProcess;
  /** Resolves at the worker's next "done". */
  run(lock: string, log: string, rounds: number, holdMs: number): Promise<void>;
}

async function startWorker(): Promise<Worker> {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const waiting: (() => void)[] = [];
  await new Promise<void>((ready) => {
    lines.on("line", (line) => (line === "ready" ? ready() : waiting.shift()?.()));
  });
  return {
    child,
    run(lock, log, rounds, holdMs) {
      return new Promise((resolve) => {
        waiting.push(resolve);
        child.stdin?.write(`${lock} ${log} ${rounds} ${holdMs}\n`);
      });
    },
  };
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

/** Waits until `log` contains `what`. */
async function waitForLog(log: string, what: string): Promise<void> {
  while (!readFileSync(log, "utf8").includes(what)) await new Promise((r) => setTimeout(r, 20));
}

/** A worker that has taken the lock `<dir>/<name>.lock` and holds it for a minute. */
async function holdingWorker(name: string): Promise<{ lock: string; holder: Worker }> {
  const lock = join(dir, `${name}.lock`);
  const log = join(dir, `${name}.log`);
  writeFileSync(log, "");
  const holder = await startWorker();
  void holder.run(lock, log, 1, 60_000);
  await waitForLog(log, " in");
  return { lock, holder };
}

/** The critical sections in `log` that overlapped: an "in" not followed by the same process's "out". */
function overlaps(log: string): string[] {
  const lines = readFileSync(log, "utf8").trim().split("\n");
  const bad: string[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    const [pid, what] = (lines[i] ?? "").split(" ");
    if (what !== "in" || lines[i + 1] !== `${pid} out`)
      bad.push(`line ${i + 1}: ${lines[i]} / ${lines[i + 1]}`);
  }
  return bad;
}

/** A lock file left by a process that no longer exists (what a killed `nsbook run` used to leave). */
function staleLockFile(path: string): void {
  const dead = spawnSync("true").pid;
  writeFileSync(path, `${dead}\n`);
}

describe("withFileLock across processes", () => {
  it("lets one process at a time in, starting from a stale lock file, six processes released at once", async () => {
    const workers = await Promise.all(Array.from({ length: 6 }, () => startWorker()));
    try {
      const trials = 30;
      for (let t = 1; t <= trials; t++) {
        const lock = join(dir, `race-${t}.lock`);
        const log = join(dir, `race-${t}.log`);
        staleLockFile(lock);
        writeFileSync(log, "");
        await Promise.all(workers.map((w) => w.run(lock, log, 3, 1)));
        expect(overlaps(log), `trial ${t} of ${trials}`).toEqual([]);
        expect(readFileSync(log, "utf8").match(/ in$/gm)).toHaveLength(18);
      }
    } finally {
      for (const w of workers) w.child.stdin?.end();
      await Promise.all(workers.map((w) => exited(w.child)));
    }
  }, 120_000);

  it("is free again as soon as its holder is killed with SIGKILL", async () => {
    const { lock, holder } = await holdingWorker("killed");
    holder.child.kill("SIGKILL");
    await exited(holder.child);
    await expect(withFileLock(lock, async () => "taken", { timeoutMs: 5_000 })).resolves.toBe("taken");
  }, 30_000);

  it("excludes two async tasks of one process from each other", async () => {
    const lock = join(dir, "tasks.lock");
    const order: string[] = [];
    const task = (name: string) =>
      withFileLock(lock, async () => {
        order.push(`${name} in`);
        await new Promise((r) => setTimeout(r, 30));
        order.push(`${name} out`);
      });
    await Promise.all([task("a"), task("b")]);
    expect([order[0]?.split(" ")[0], order[2]?.split(" ")[0]].sort()).toEqual(["a", "b"]);
    expect(order).toEqual([
      order[0],
      order[0]?.replace("in", "out"),
      order[2],
      order[2]?.replace("in", "out"),
    ]);
  });

  it("gives up after the timeout with a message naming the lock and its holder", async () => {
    const { lock, holder } = await holdingWorker("busy");
    try {
      const error = await withFileLock(lock, async () => "never", { timeoutMs: 300 }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(
        /the lock .*busy\.lock is held by process \d+ for more than 0\.3 s/,
      );
      expect(isNsbookError(error)).toBe(true);
    } finally {
      holder.child.kill("SIGKILL");
      await exited(holder.child);
    }
  }, 30_000);

  it("stop --all's sweep deletes the file a killed holder left, and leaves a held lock to its holder", async () => {
    const sweep = mkdtempSync(join(dir, "sweep-"));
    const killed = await holdingWorker("sweep-killed");
    const held = await holdingWorker("sweep-held");
    const left = join(sweep, "left.lock");
    const inUse = join(sweep, "in-use.lock");
    renameSync(killed.lock, left);
    renameSync(held.lock, inUse);
    try {
      killed.holder.child.kill("SIGKILL");
      await exited(killed.holder.child);
      expect(readdirSync(sweep).sort()).toEqual(["in-use.lock", "left.lock"]);
      expect(await removeIdleLockFiles(sweep)).toEqual(["left.lock"]);
      expect(readdirSync(sweep)).toEqual(["in-use.lock"]);
    } finally {
      held.holder.child.kill("SIGKILL");
      await exited(held.holder.child);
    }
  }, 30_000);
});
