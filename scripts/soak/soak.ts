// The soak: many container lifecycles with random faults, then `nsbook stop --all`, then a search for
// anything left behind. Every leftover is a bug of the library's cleanup.
//
//   npm run soak -- [COUNT] [--seed N] [--batch N] [--concurrency N] [--lock FILE]
//     COUNT        lifecycles in all (default 1000)
//     --seed N     the run's seed (default: random, printed); the same seed draws the same lifecycles and
//                  fault moments again (what the kernel makes of those moments under load can still differ)
//     --batch N    lifecycles per batch (default 50): each batch runs under the heavy lock, ends with
//                  `nsbook stop --all` and the leftover search, then the lock is let go
//     --concurrency N   lifecycles running at once within a batch (default 4)
//
// A lifecycle is one of these kinds, each with its fault:
//   cli-run-killed      `nsbook run` (one-shot, a real CLI process) SIGKILLed at a random moment
//   cli-start-killed    `nsbook run --detach` SIGKILLed at a random moment (sometimes on the soak's bridge)
//   kernel-killed       a Node process using the library like a notebook kernel (starts, execs, runs a
//                       one-shot, in a loop) SIGKILLed at a random moment; then, half the time, the kernel
//                       reaper's `nsbook stop --owner`
//   double-stop         a started container stopped twice, at once or one after the other (library or CLI)
//   stop-start-race     a stop and a start of the same name racing
//   exec-during-stop    an exec into a container while it is being stopped
//   clean               start, exec, stop: the control
// The summary counts the faults that really happened: SIGKILLs that hit a running process, races whose two
// operations were in flight at once. The soak fails on a leftover, an unexpected error, a failed `stop --all`,
// or a fault kind that never happened (too few lifecycles prove nothing about it).
// Containers are named `<prefix>-<n>` with a prefix unique to the batch (sk<8 hex>), get cgroup limits half of
// the time and the soak's own bridge (nsbsoak0, 10.213.250.0/24) a quarter of the time.
//
// Needs root and a built dist/ (`npm run build`): the CLI and the kernel-like process run the compiled code.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import {
  ContainerError,
  execInContainer,
  runDir,
  startContainer,
  stopContainer,
} from "../../src/lib/index.js";
import { findLeftovers, type LeftoverProbe, snapshotBaseline } from "./leftovers.js";
import { mulberry32, type Random } from "./random.js";

/** The checkout: the first folder above this file with bin/nsbook (this file runs compiled, from .soak-dist). */
function projectRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir))
    if (existsSync(join(dir, "bin", "nsbook"))) return dir;
  throw new Error(`no checkout of nsbook above ${__dirname}`);
}
const PROJECT_ROOT = projectRoot();
const NSBOOK = join(PROJECT_ROOT, "bin", "nsbook");

const KERNEL_WORKER = join(PROJECT_ROOT, "scripts", "soak", "kernel-worker.cjs");
export const SOAK_BRIDGE = "nsbsoak0";
export const SOAK_SUBNET = "10.213.250.0/24";

export const KINDS = [
  "cli-run-killed",
  "cli-start-killed",
  "kernel-killed",
  "double-stop",
  "stop-start-race",
  "exec-during-stop",
  "clean",
] as const;
export type Kind = (typeof KINDS)[number];

/** What one batch did and found (written as JSON by the batch process, read by the orchestrator). */
export interface BatchResult {
  batch: number;
  seed: number;
  prefix: string;
  lifecycles: number;
  byKind: Record<string, number>;
  /** SIGKILLs that hit a process still running (a fault really injected), by kind. */
  killsLanded: Record<string, number>;
  /**
   * Races that really overlapped, by kind: both stops of a double stop in flight at once (or, in the
   * one-after-the-other variant, the second on a stopped container), the start begun before the stop ended,
   * the stop begun while the exec was still running. A race drawn but not overlapped is not counted.
   */
  racesLanded: Record<string, number>;
  /** Errors the races produced that are allowed (name in use, not running...), by message pattern. */
  expectedErrors: Record<string, number>;
  /** Errors that should not happen (a second stop failing, a crash of the library). */
  unexpectedErrors: string[];
  stopAllExit: number;
  stopAllOutput: string;
  leftovers: string[];
  seconds: number;
}

interface Ctx {
  rand: Random;
  prefix: string;
  /** The tag every container command carries (`sleep <tag>`), so a stray one is found by its command line. */
  tag: string;
  result: BatchResult;
  children: Set<ChildProcess>;
}

function count(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

/** Options a lifecycle's container gets: half the time limits, a quarter of the time the soak bridge. */
function containerOptions(ctx: Ctx, name: string, allowBridge = true) {
  const limits = ctx.rand() < 0.5;
  const bridge = allowBridge && ctx.rand() < 0.25;
  return {
    name,
    command: ["sleep", ctx.tag],
    ...(limits ? { resources: { memory: "32m", pids: 32 } } : {}),
    ...(bridge ? { network: "bridge" as const, bridge: { name: SOAK_BRIDGE, subnet: SOAK_SUBNET } } : {}),
  };
}

function cliFlags(options: ReturnType<typeof containerOptions>): string[] {
  return [
    "--name",
    options.name,
    ...(options.resources ? ["--memory", "32m", "--pids", "32"] : []),
    ...(options.network ? ["--net", "bridge", "--bridge", SOAK_BRIDGE, "--subnet", SOAK_SUBNET] : []),
  ];
}

/** Spawns a process of ours; resolves with its exit once it ends. */
function launch(ctx: Ctx, file: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(file, args, { stdio: ["ignore", "ignore", "pipe"], env });
  ctx.children.add(child);
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
  });
  const exited = new Promise<{ code: number | null; signal: string | null; stderr: string }>((res) => {
    child.on("close", (code, signal) => {
      ctx.children.delete(child);
      res({ code, signal, stderr });
    });
    child.on("error", (e) => {
      ctx.children.delete(child);
      res({ code: -1, signal: null, stderr: e.message });
    });
  });
  return { child, exited };
}

/** SIGKILLs `child` after `ms` unless it has ended; true when the kill hit a running process. */
async function killAfter(child: ChildProcess, ms: number, exited: Promise<unknown>): Promise<boolean> {
  const outcome = await Promise.race([
    sleep(ms).then(() => "time" as const),
    exited.then(() => "exited" as const),
  ]);
  if (outcome === "exited" || child.exitCode !== null || child.signalCode !== null) return false;
  return child.kill("SIGKILL");
}

/**
 * One operation of a race, timed: when it began and, once `done` settles, when it ended. `done` rejects as
 * the operation did (after `ended` is set).
 */
interface Span {
  began: number;
  ended: number;
  done: Promise<unknown>;
}

function span(work: () => Promise<unknown>): Span {
  const s: Span = { began: performance.now(), ended: Number.POSITIVE_INFINITY, done: Promise.resolve() };
  s.done = work().finally(() => {
    s.ended = performance.now();
  });
  return s;
}

/** True when the two operations were in flight at the same time (the race really happened). */
function overlap(a: Span, b: Span): boolean {
  return a.began < b.ended && b.began < a.ended;
}

/** Errors a race may rightly produce; anything else is unexpected. */
const EXPECTED = [
  /is running: choose another name|is being created/, // a start racing a start or a stop
  /no container named|does not exist|not running|is not running|has stopped|no such container/i,
  /exited with|stopped while|ended before|not ready/, // an exec or start cut short by the stop
  /killed|SIGKILL|SIGTERM|signal/,
];

async function guarded(ctx: Ctx, what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pattern = EXPECTED.find((p) => p.test(message));
    if (pattern && e instanceof ContainerError)
      count(ctx.result.expectedErrors, `${what}: ${pattern.source}`);
    else if (pattern && /HostCommandError|Error/.test((e as Error).name ?? ""))
      count(ctx.result.expectedErrors, `${what}: ${pattern.source}`);
    else ctx.result.unexpectedErrors.push(`${what}: ${message.split("\n").slice(0, 4).join(" | ")}`);
  }
}

async function cliRunKilled(ctx: Ctx, name: string): Promise<void> {
  const options = containerOptions(ctx, name, false);
  const { child, exited } = launch(ctx, NSBOOK, ["run", ...cliFlags(options), "--", "sleep", "2"]);
  if (await killAfter(child, Math.floor(ctx.rand() * 1500), exited))
    count(ctx.result.killsLanded, "cli-run-killed");
  await exited;
}

async function cliStartKilled(ctx: Ctx, name: string): Promise<void> {
  const options = containerOptions(ctx, name);
  const { child, exited } = launch(ctx, NSBOOK, [
    "run",
    "--detach",
    ...cliFlags(options),
    "--",
    "sleep",
    ctx.tag,
  ]);
  if (await killAfter(child, Math.floor(ctx.rand() * 1200), exited))
    count(ctx.result.killsLanded, "cli-start-killed");
  await exited;
  // Half the time someone stops it by name afterwards; the rest is left to stop --all.
  if (ctx.rand() < 0.5) {
    const stop = await launch(ctx, NSBOOK, ["stop", "--time", "0", name]).exited;
    // Killed before it claimed the name, or its own clean-up ran: nothing to stop, and the CLI says so.
    if (stop.code === 1 && /no container named/.test(stop.stderr))
      count(ctx.result.expectedErrors, "cli stop: killed before the name was claimed");
    else if (stop.code !== 0)
      ctx.result.unexpectedErrors.push(`nsbook stop ${name} after a killed start: ${stop.stderr.trim()}`);
  }
}

async function kernelKilled(ctx: Ctx, name: string): Promise<void> {
  const options = containerOptions(ctx, name);
  const owner = `kernel-${ctx.prefix}-${name.split("-").pop()}`;
  const { child, exited } = launch(ctx, process.execPath, [KERNEL_WORKER, JSON.stringify(options)], {
    ...process.env,
    NSBOOK_OWNER: owner,
  });
  if (await killAfter(child, Math.floor(ctx.rand() * 2500), exited))
    count(ctx.result.killsLanded, "kernel-killed");
  const end = await exited;
  if (end.signal === null && end.code !== 0)
    ctx.result.unexpectedErrors.push(
      `kernel-like process for ${name} failed by itself: ${end.stderr.trim().slice(0, 400)}`,
    );
  // The kernel's reaper (bin/nsbook-kernel runs it when the kernel ends), half the time.
  if (ctx.rand() < 0.5) {
    const reap = await launch(ctx, NSBOOK, ["stop", "--time", "0", "--owner", owner]).exited;
    if (reap.code !== 0)
      ctx.result.unexpectedErrors.push(`nsbook stop --owner ${owner}: ${reap.stderr.trim()}`);
  }
}

async function doubleStop(ctx: Ctx, name: string): Promise<void> {
  await guarded(ctx, "start", () => startContainer(containerOptions(ctx, name)));
  const how = Math.floor(ctx.rand() * 4);
  const timeoutMs = ctx.rand() < 0.5 ? 0 : 300;
  const libStop = () => stopContainer(name, { remove: true, timeoutMs });
  // The CLI says so when the other stop removed the container first: exit 1, "no container named ...".
  const cliStop = async () => {
    const r = await launch(ctx, NSBOOK, ["stop", "--time", String(timeoutMs / 1000), name]).exited;
    if (r.code === 1 && /no container named/.test(r.stderr))
      count(ctx.result.expectedErrors, "cli stop: already removed");
    else if (r.code !== 0) throw new Error(`nsbook stop ${name} exited ${r.code}: ${r.stderr.trim()}`);
  };
  const both = (a: () => Promise<unknown>, b: () => Promise<unknown>) => {
    const first = span(a);
    const second = span(b);
    // Both settle before either's failure is reported, so the timing is complete.
    return Promise.allSettled([first.done, second.done]).then(async (settled) => {
      for (const r of settled) if (r.status === "rejected") throw r.reason;
      return overlap(first, second);
    });
  };
  const stops: Record<number, () => Promise<boolean>> = {
    0: () => both(libStop, libStop),
    1: async () => {
      await libStop();
      await libStop();
      return true; // the second stop met an already stopped (removed) container: the fault itself
    },
    2: () => both(cliStop, cliStop),
    3: () => both(libStop, cliStop),
  };
  try {
    if (await (stops[how] as () => Promise<boolean>)()) count(ctx.result.racesLanded, "double-stop");
  } catch (e) {
    // A second stop is a no-op: it must never fail.
    ctx.result.unexpectedErrors.push(
      `double stop (${how}) of ${name}: ${(e as Error).message.split("\n")[0]}`,
    );
  }
}

async function stopStartRace(ctx: Ctx, name: string): Promise<void> {
  await guarded(ctx, "start", () => startContainer(containerOptions(ctx, name)));
  // The restart begins 0-40 ms after the stop: a stop of a `sleep` often ends within ~100 ms, and a later
  // restart (0-150 ms, as before) overlapped it in only 5-25% of the lifecycles.
  const delay = Math.floor(ctx.rand() * 40);
  const remove = ctx.rand() < 0.7;
  const restartOptions = containerOptions(ctx, name);
  const stop = span(() => guarded(ctx, "stop", () => stopContainer(name, { remove, timeoutMs: 200 })));
  await sleep(delay);
  const restart = span(() => guarded(ctx, "restart", () => startContainer(restartOptions)));
  await Promise.all([stop.done, restart.done]);
  if (overlap(stop, restart)) count(ctx.result.racesLanded, "stop-start-race");
  if (ctx.rand() < 0.5)
    await guarded(ctx, "final stop", () => stopContainer(name, { remove: true, timeoutMs: 0 }));
}

async function execDuringStop(ctx: Ctx, name: string): Promise<void> {
  await guarded(ctx, "start", () => startContainer(containerOptions(ctx, name)));
  const delay = Math.floor(ctx.rand() * 200);
  const exec = span(() =>
    guarded(ctx, "exec", () => execInContainer(name, ["sh", "-c", `sleep 0.3; echo ${ctx.tag}`])),
  );
  await sleep(delay);
  const stop = span(() => guarded(ctx, "stop", () => stopContainer(name, { remove: true, timeoutMs: 300 })));
  await Promise.all([exec.done, stop.done]);
  if (overlap(exec, stop)) count(ctx.result.racesLanded, "exec-during-stop");
}

async function clean(ctx: Ctx, name: string): Promise<void> {
  await guarded(ctx, "clean lifecycle", async () => {
    const c = await startContainer(containerOptions(ctx, name));
    const r = await c.exec(["echo", "hello"]);
    if (r.exitCode !== 0 || r.stdout.trim() !== "hello") throw new Error(`exec said ${JSON.stringify(r)}`);
    const out = await c.stop({ remove: true, timeoutMs: 500 });
    if (!out.removed) throw new Error("stop did not remove it");
  });
}

const RUN: Record<Kind, (ctx: Ctx, name: string) => Promise<void>> = {
  "cli-run-killed": cliRunKilled,
  "cli-start-killed": cliStartKilled,
  "kernel-killed": kernelKilled,
  "double-stop": doubleStop,
  "stop-start-race": stopStartRace,
  "exec-during-stop": execDuringStop,
  clean,
};

/** One batch, run inside the heavy lock: lifecycles, then `nsbook stop --all`, then the leftover search. */
async function runBatch(batch: number, seed: number, size: number, concurrency: number, out: string) {
  const started = performance.now();
  const rand = mulberry32(seed);
  const prefix = `sk${(seed >>> 0).toString(16).padStart(8, "0")}`;
  // A whole number of seconds no other process sleeps: `sleep <tag>` is ours.
  const tag = String(800_000 + (seed % 100_000));
  const result: BatchResult = {
    batch,
    seed,
    prefix,
    lifecycles: size,
    byKind: {},
    killsLanded: {},
    racesLanded: {},
    expectedErrors: {},
    unexpectedErrors: [],
    stopAllExit: 0,
    stopAllOutput: "",
    leftovers: [],
    seconds: 0,
  };
  const ctx: Ctx = { rand, prefix, tag, result, children: new Set() };
  const baseline = await snapshotBaseline();
  // The plan is drawn up front, so the same seed gives the same kinds whatever the timing.
  const plan = Array.from({ length: size }, (_, i) => ({
    name: `${prefix}-${i}`,
    kind: KINDS[Math.floor(rand() * KINDS.length)] as Kind,
    rand: mulberry32((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0),
  }));
  let next = 0;
  const worker = async () => {
    while (next < plan.length) {
      const item = plan[next++] as (typeof plan)[number];
      count(result.byKind, item.kind);
      await RUN[item.kind]({ ...ctx, rand: item.rand }, item.name);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const stopAll = launch(ctx, NSBOOK, ["stop", "--all", "--time", "0"]);
  const end = await stopAll.exited;
  result.stopAllExit = end.code ?? -1;
  result.stopAllOutput = end.stderr.trim();
  const probe: LeftoverProbe = { prefix, tag, bridge: SOAK_BRIDGE, runDir: resolve(runDir()) };
  result.leftovers = await findLeftovers(probe, baseline);
  result.seconds = (performance.now() - started) / 1000;
  writeFileSync(out, JSON.stringify(result));
}

function usage(message: string): never {
  process.stderr.write(
    `soak: ${message}\nusage: npm run soak -- [COUNT] [--seed N] [--batch N] [--concurrency N] [--lock FILE]\n`,
  );
  process.exit(2);
}

function wholeNumber(text: string | undefined, what: string, min: number): number {
  const n = Number(text);
  if (text === undefined || !Number.isInteger(n) || n < min)
    usage(`${what} must be a whole number >= ${min} (got "${text}")`);
  return n;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--batch-run") {
    const [, b, s, n, c, out] = args;
    return runBatch(Number(b), Number(s), Number(n), Number(c), out as string);
  }
  if (process.getuid?.() !== 0) usage("run it as root: it creates containers, cgroups and interfaces");
  if (!existsSync(join(PROJECT_ROOT, "dist", "cli", "main.js"))) usage("build first: npm run build");
  const option = (flag: string): string | undefined => {
    const at = args.indexOf(flag);
    if (at < 0) return undefined;
    const [, value] = args.splice(at, 2);
    if (value === undefined) usage(`${flag} needs a value`);
    return value;
  };
  const seedText = option("--seed");
  const batchSize = wholeNumber(option("--batch") ?? "50", "--batch", 1);
  const concurrency = wholeNumber(option("--concurrency") ?? "4", "--concurrency", 1);
  const lock = option("--lock") ?? "/tmp/nsbook-heavy.lock";
  if (args.length > 1 || args.some((a) => a.startsWith("-")))
    usage(`unexpected arguments: ${args.join(" ")}`);
  const total = wholeNumber(args[0] ?? "1000", "COUNT", 1);
  const seed =
    seedText === undefined ? Math.floor(Math.random() * 2 ** 31) : wholeNumber(seedText, "--seed", 0);
  process.stdout.write(
    `[soak] seed ${seed}: ${total} lifecycles, batches of ${batchSize}, ${concurrency} at once (repeat: npm run soak -- ${total} --seed ${seed} --batch ${batchSize} --concurrency ${concurrency})\n`,
  );
  const started = performance.now();
  const results: BatchResult[] = [];
  const tmp = join("/tmp", `nsbook-soak-${process.pid}.json`);
  for (let batch = 0, done = 0; done < total; batch++) {
    const size = Math.min(batchSize, total - done);
    const batchSeed = mulberry32(seed + batch * 7919)() * 2 ** 32;
    rmSync(tmp, { force: true });
    try {
      execFileSync(
        "flock",
        [
          lock,
          process.execPath,
          __filename,
          "--batch-run",
          String(batch),
          String(Math.floor(batchSeed)),
          String(size),
          String(concurrency),
          tmp,
        ],
        { stdio: "inherit", cwd: PROJECT_ROOT },
      );
    } catch (e) {
      process.stderr.write(`[soak] batch ${batch}: the batch process failed: ${(e as Error).message}\n`);
    }
    const r: BatchResult = existsSync(tmp)
      ? (JSON.parse(readFileSync(tmp, "utf8")) as BatchResult)
      : {
          batch,
          seed: Math.floor(batchSeed),
          prefix: "?",
          lifecycles: size,
          byKind: {},
          killsLanded: {},
          racesLanded: {},
          expectedErrors: {},
          unexpectedErrors: ["the batch wrote no result"],
          stopAllExit: -1,
          stopAllOutput: "",
          leftovers: [],
          seconds: 0,
        };
    rmSync(tmp, { force: true });
    results.push(r);
    done += size;
    const kills = Object.values(r.killsLanded).reduce((a, b) => a + b, 0);
    const races = Object.values(r.racesLanded ?? {}).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `[soak] batch ${batch} (${r.prefix}, seed ${r.seed}): ${r.lifecycles} lifecycles, ${kills} SIGKILLs landed, ${races} races overlapped, ` +
        `${r.unexpectedErrors.length} unexpected errors, stop --all exit ${r.stopAllExit}, ${r.leftovers.length} leftovers, ${r.seconds.toFixed(1)} s\n`,
    );
    for (const e of r.unexpectedErrors) process.stdout.write(`    unexpected: ${e}\n`);
    if (r.stopAllExit !== 0) process.stdout.write(`    stop --all said: ${r.stopAllOutput}\n`);
    for (const l of r.leftovers) process.stdout.write(`    LEFT: ${l}\n`);
  }
  const sum = (pick: (r: BatchResult) => Record<string, number>) => {
    const all: Record<string, number> = {};
    for (const r of results) for (const [k, v] of Object.entries(pick(r))) all[k] = (all[k] ?? 0) + v;
    return all;
  };
  const lifecycles = results.reduce((a, r) => a + r.lifecycles, 0);
  const leftovers = results.flatMap((r) => r.leftovers);
  const unexpected = results.flatMap((r) => r.unexpectedErrors);
  const failedStopAll = results.filter((r) => r.stopAllExit !== 0).length;
  process.stdout.write(
    `\n[soak] seed ${seed}: ${lifecycles} lifecycles in ${((performance.now() - started) / 1000).toFixed(0)} s (${results.length} batches)\n`,
  );
  process.stdout.write(`[soak] lifecycles by kind: ${JSON.stringify(sum((r) => r.byKind))}\n`);
  process.stdout.write(
    `[soak] SIGKILLs that hit a running process: ${JSON.stringify(sum((r) => r.killsLanded))}\n`,
  );
  process.stdout.write(
    `[soak] races that really overlapped: ${JSON.stringify(sum((r) => r.racesLanded ?? {}))}\n`,
  );
  process.stdout.write(
    `[soak] errors the races may rightly give: ${JSON.stringify(sum((r) => r.expectedErrors))}\n`,
  );
  process.stdout.write(
    `[soak] unexpected errors: ${unexpected.length}; stop --all failures: ${failedStopAll}; leftovers: ${leftovers.length}\n`,
  );
  // A fault kind that never landed proves nothing about its clean-up: the soak then fails, as it would on a leftover.
  const landed = { ...sum((r) => r.killsLanded), ...sum((r) => r.racesLanded ?? {}) };
  const missing = KINDS.filter((k) => k !== "clean" && !landed[k]);
  if (missing.length > 0)
    process.stdout.write(
      `[soak] faults never injected: ${missing.join(", ")} (run more lifecycles: each kind is drawn about 1 time in ${KINDS.length})\n`,
    );
  const failed = leftovers.length + unexpected.length + failedStopAll + missing.length > 0;
  process.stdout.write(failed ? "[soak] FAIL\n" : "[soak] PASS: every fault injected, nothing left\n");
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(`soak: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
