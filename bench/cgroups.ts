// Benchmark (not a test): what watching a container costs, and how long its cgroups take to set up.
//  - sampler cost at 10 Hz and 100 Hz, as % of one core: this process's CPU time (process.cpuUsage) over a
//    fixed window with the sampler running, minus the same window idle, measured in the same run;
//  - the same with descriptors reopened on every read (open+read+close), to show what keeping them saves;
//  - create + limit + remove of one container's cgroups (every hierarchy), median and 90th percentile.
import { setTimeout as sleep } from "node:timers/promises";
import { createContainerCgroups } from "../src/lib/cgroups/container/container-cgroups.js";
import type { CgroupManager } from "../src/lib/cgroups/manager/cgroup-manager.js";
import { startSampler, type UsageSource } from "../src/lib/cgroups/usage/sampler.js";

/** Options for {@link benchCgroups}. */
export interface CgroupBenchOptions {
  /** Length of each CPU-time window, in milliseconds. @default 5000 */
  windowMs?: number;
  /** Windows per sampler configuration (the median is reported). @default 3 */
  repeats?: number;
  /** Create/limit/remove rounds. @default 40 */
  rounds?: number;
}

/** One sampler measurement. */
export interface SamplerCost {
  hz: number;
  /** "cached" keeps descriptors open (what the sampler does); "reopen" opens every file on every read. */
  files: "cached" | "reopen";
  samples: number;
  /** Extra CPU time over the idle baseline, in % of one core. */
  corePercent: number;
  /** Extra CPU time per sample, in microseconds. */
  usPerSample: number;
}

/** Everything {@link benchCgroups} measured. */
export interface CgroupBenchResult {
  windowMs: number;
  /** CPU time of one readUsage() in a tight loop, in microseconds, with kept and with reopened descriptors. */
  readUsageUs: { cached: number; reopen: number };
  /** CPU time of this process while idle, in % of one core (the baseline subtracted). */
  idleCorePercent: number;
  sampler: SamplerCost[];
  /** Controllers and versions the cgroups were created in, e.g. "memory v1, cpu v1, cpuacct v1, pids v1". */
  hierarchies: string;
  /** create + write memory/cpu/pids limits + remove, in milliseconds. */
  createLimitRemoveMs: { median: number; p90: number; rounds: number };
}

const quantile = (xs: number[], q: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? Number.NaN;

/** Average CPU time of one call of `f`, in microseconds (a tight loop of 2000 calls). */
function perCallUs(f: () => unknown, calls = 2000): number {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / calls;
}

/** CPU time (user + system) this process spends during `windowMs` while `during` runs, in microseconds. */
async function cpuDuring(windowMs: number, during?: () => () => Promise<unknown>): Promise<number> {
  const stop = during?.();
  const start = process.cpuUsage();
  await sleep(windowMs);
  const used = process.cpuUsage(start);
  await stop?.();
  return used.user + used.system;
}

function reopening(manager: CgroupManager): UsageSource {
  return {
    readUsage() {
      const s = manager.readUsage();
      manager.closeFiles();
      return s;
    },
  };
}

/** Measures the sampler's cost and the time to create, limit and remove a container's cgroups (needs root). */
export async function benchCgroups(options: CgroupBenchOptions = {}): Promise<CgroupBenchResult> {
  const windowMs = options.windowMs ?? 5000;
  const rounds = options.rounds ?? 40;
  const repeats = options.repeats ?? 3;
  const name = `bench-${process.pid}`;
  const cg = await createContainerCgroups(name, { memory: "256M", cpus: 1, pids: 100 });
  const sampler: SamplerCost[] = [];
  let idleUs: number;
  let readUs: { cached: number; reopen: number };
  try {
    // Warm up (JIT, first opens) with both sources, so the windows measure the steady state.
    for (const source of [cg.manager, reopening(cg.manager)]) {
      await cpuDuring(1000, () => {
        const s = startSampler(source, { hz: 100 });
        return () => s.stop();
      });
    }
    readUs = {
      cached: perCallUs(() => cg.manager.readUsage()),
      reopen: perCallUs(() => reopening(cg.manager).readUsage()),
    };
    // Each configuration runs `repeats` times next to an idle window; the medians are reported.
    const idle: number[] = [];
    for (const files of ["cached", "reopen"] as const) {
      for (const hz of [10, 100]) {
        const extra: number[] = [];
        const counts: number[] = [];
        for (let r = 0; r < repeats; r++) {
          const idleNow = await cpuDuring(windowMs);
          idle.push(idleNow);
          let samples = 0;
          const source = files === "cached" ? cg.manager : reopening(cg.manager);
          const usedUs = await cpuDuring(windowMs, () => {
            const s = startSampler(source, { hz, onSample: () => samples++ });
            return () => s.stop();
          });
          extra.push(Math.max(0, usedUs - idleNow));
          counts.push(samples);
        }
        const extraUs = quantile(extra, 0.5);
        const samples = quantile(counts, 0.5);
        sampler.push({
          hz,
          files,
          samples,
          corePercent: (100 * extraUs) / (windowMs * 1000),
          usPerSample: samples > 0 ? extraUs / samples : Number.NaN,
        });
      }
    }
    idleUs = quantile(idle, 0.5);
  } finally {
    await cg.dispose();
  }
  const hierarchies = cg.manager.controllers.map((c) => `${c.controller} v${c.version}`).join(", ");
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const round = await createContainerCgroups(`${name}-${i}`, { memory: "64M", cpus: 0.5, pids: 64 });
    await round.dispose();
    times.push(performance.now() - t);
  }
  return {
    windowMs,
    readUsageUs: readUs,
    idleCorePercent: (100 * idleUs) / (windowMs * 1000),
    sampler,
    hierarchies,
    createLimitRemoveMs: { median: quantile(times, 0.5), p90: quantile(times, 0.9), rounds },
  };
}

/** The result as a text table. */
export function formatCgroupBench(r: CgroupBenchResult): string {
  const lines = [
    `cgroups (${r.hierarchies}); medians of CPU-time windows of ${r.windowMs / 1000} s, idle baseline ${r.idleCorePercent.toFixed(3)}% of a core`,
    `one readUsage(): ${r.readUsageUs.cached.toFixed(1)} us with kept descriptors, ${r.readUsageUs.reopen.toFixed(1)} us reopening every file`,
    "",
    "sampler  files   samples  % of one core  us per sample",
    ...r.sampler.map(
      (s) =>
        `${`${s.hz} Hz`.padEnd(8)} ${s.files.padEnd(7)} ${String(s.samples).padStart(7)}  ${s.corePercent.toFixed(3).padStart(13)}  ${s.usPerSample.toFixed(1).padStart(13)}`,
    ),
    "",
    `create + limit + remove: median ${r.createLimitRemoveMs.median.toFixed(2)} ms, p90 ${r.createLimitRemoveMs.p90.toFixed(2)} ms (${r.createLimitRemoveMs.rounds} rounds)`,
  ];
  return lines.join("\n");
}

if (require.main === module) {
  benchCgroups().then((r) => process.stdout.write(`${formatCgroupBench(r)}\n`));
}
