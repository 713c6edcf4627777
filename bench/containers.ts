// Benchmark (not a test): what a container costs, next to unshare alone, in one run on this machine.
//  (a) the raw baseline: `unshare --pid --mount --uts --ipc --net --fork chroot ROOTFS /bin/true`, spawned directly;
//  (b) runContainer() of /bin/true with the same namespaces, in-process (state, /proc, hostname, reaping init);
//      once with the busybox rootfs as built (as root it has device nodes: the single-unshare path) and once
//      with its /dev emptied (a minimal /dev is then mounted per container, as for imported rootfs);
//  (c) startContainer + exec /bin/true + dispose;
//  (d) 50 containers started in parallel, each exec'd once, all removed: wall time, then a leak count.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import {
  findMarkedProcesses,
  type NamespaceKind,
  runContainer,
  startContainer,
  stopAllContainers,
} from "../src/lib/container/index.js";
import { buildBusyboxRootfs } from "../src/lib/rootfs/index.js";

const NAMESPACES: NamespaceKind[] = ["pid", "mount", "uts", "ipc", "net"];

/** Options for {@link benchContainers}. */
export interface ContainerBenchOptions {
  /** Runs of (a) and (b) each. @default 60 */
  runs?: number;
  /** Runs of (c). @default 30 */
  lifecycleRuns?: number;
  /** Containers in (d). @default 50 */
  parallel?: number;
  /** Rounds of (d) (the median wall time is reported). @default 3 */
  parallelRounds?: number;
}

/** One measured case. */
export interface BenchCase {
  label: string;
  /** Median wall time, in milliseconds. */
  medianMs: number;
  /** 90th percentile, in milliseconds. */
  p90Ms: number;
  runs: number;
}

/** Everything {@link benchContainers} measured. */
export interface ContainerBenchResult {
  cores: number;
  raw: BenchCase;
  oneShot: BenchCase;
  oneShotWithoutDevices: BenchCase;
  lifecycle: BenchCase;
  parallel: BenchCase & { containers: number; leaks: string[] };
}

const quantile = (xs: number[], q: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? Number.NaN;

async function measure(
  label: string,
  runs: number,
  once: () => Promise<unknown>,
  warmup = 3,
): Promise<BenchCase> {
  for (let i = 0; i < warmup; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await once();
    times.push(performance.now() - t);
  }
  return { label, medianMs: quantile(times, 0.5), p90Ms: quantile(times, 0.9), runs };
}

function rawUnshare(rootfs: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "unshare",
      ["--pid", "--mount", "--uts", "--ipc", "--net", "--fork", "chroot", rootfs, "/bin/true"],
      {
        stdio: "ignore",
      },
    );
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`raw unshare exited ${code}`))));
  });
}

async function oneShot(rootfs: string): Promise<void> {
  const r = await runContainer({ rootfs, namespaces: NAMESPACES, command: ["/bin/true"] });
  if (r.exitCode !== 0) throw new Error(`one-shot /bin/true exited ${r.exitCode}: ${r.stderr}`);
}

/** What is left of ours after (d): state folders, marked processes, mounts under the bench's folder. */
async function leaks(home: string, runDirectory: string): Promise<string[]> {
  const out: string[] = [];
  const dirs = await readdir(runDirectory).catch(() => []);
  if (dirs.length > 0) out.push(`state folders: ${dirs.join(" ")}`);
  const procs = await findMarkedProcesses(runDirectory);
  if (procs.length > 0) out.push(`processes: ${procs.map((p) => `${p.pid} (${p.comm})`).join(" ")}`);
  const mounts = readFileSync("/proc/self/mountinfo", "utf8")
    .split("\n")
    .map((l) => l.split(" ")[4] ?? "")
    .filter((p) => p.startsWith(home));
  if (mounts.length > 0) out.push(`mounts: ${mounts.join(" ")}`);
  return out;
}

/** Runs the four cases in a throw-away NSBOOK_HOME and NSBOOK_RUN_DIR (restored and deleted afterwards). */
export async function benchContainers(options: ContainerBenchOptions = {}): Promise<ContainerBenchResult> {
  const runs = options.runs ?? 60;
  const previous = { home: process.env.NSBOOK_HOME, run: process.env.NSBOOK_RUN_DIR };
  const home = await mkdtemp(join(tmpdir(), "nsbook-bench-containers-"));
  const runDirectory = join(home, "run");
  process.env.NSBOOK_HOME = home;
  process.env.NSBOOK_RUN_DIR = runDirectory;
  try {
    const rootfs = (await buildBusyboxRootfs()).dir;
    const withoutDevices = join(home, "rootfs-without-devices");
    execFileSync("cp", ["-a", rootfs, withoutDevices]);
    for (const dev of await readdir(join(withoutDevices, "dev"))) await rm(join(withoutDevices, "dev", dev));
    const raw = await measure("(a) unshare ... chroot ROOTFS /bin/true", runs, () => rawUnshare(rootfs));
    const oneShotCase = await measure("(b) runContainer /bin/true", runs, () => oneShot(rootfs));
    const oneShotWithoutDevices = await measure("(b) same, rootfs without device nodes", runs, () =>
      oneShot(withoutDevices),
    );
    const lifecycle = await measure(
      "(c) start + exec /bin/true + stop",
      options.lifecycleRuns ?? 30,
      async () => {
        const c = await startContainer({ rootfs, namespaces: NAMESPACES });
        await c.exec(["/bin/true"]);
        await c.dispose();
      },
    );
    const n = options.parallel ?? 50;
    const round = async () => {
      const containers = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          startContainer({ rootfs, namespaces: NAMESPACES, name: `bench-${i}` }),
        ),
      );
      await Promise.all(containers.map((c) => c.exec(["/bin/true"])));
      await Promise.all(containers.map((c) => c.dispose()));
    };
    const parallel = await measure(
      `(d) ${n} in parallel: start, exec, remove`,
      options.parallelRounds ?? 3,
      round,
      1,
    );
    return {
      cores: cpus().length,
      raw,
      oneShot: oneShotCase,
      oneShotWithoutDevices,
      lifecycle,
      parallel: { ...parallel, containers: n, leaks: await leaks(home, runDirectory) },
    };
  } finally {
    await stopAllContainers({ timeoutMs: 500 }).catch(() => undefined);
    if (previous.home === undefined) delete process.env.NSBOOK_HOME;
    else process.env.NSBOOK_HOME = previous.home;
    if (previous.run === undefined) delete process.env.NSBOOK_RUN_DIR;
    else process.env.NSBOOK_RUN_DIR = previous.run;
    await rm(home, { recursive: true, force: true });
  }
}

/** The table `npm run bench` prints. */
export function formatContainerBench(r: ContainerBenchResult): string {
  const base = r.raw.medianMs;
  const rows = [r.raw, r.oneShot, r.oneShotWithoutDevices, r.lifecycle, r.parallel].map((c) => [
    c.label,
    c.medianMs.toFixed(1),
    c.p90Ms.toFixed(1),
    `${(c.medianMs / base).toFixed(2)}x`,
    String(c.runs),
  ]);
  const header = ["case", "median ms", "p90 ms", "vs (a)", "runs"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join("  ");
  const perContainer = r.parallel.medianMs / r.parallel.containers;
  return [
    `containers on ${r.cores} cores (namespaces pid, mount, uts, ipc, net; busybox rootfs)`,
    line(header),
    ...rows.map(line),
    `(d): ${perContainer.toFixed(1)} ms per container; leaks after (d): ${r.parallel.leaks.length === 0 ? "0" : r.parallel.leaks.join("; ")}`,
  ].join("\n");
}
