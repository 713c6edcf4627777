// `nsbook stats NAME`: a container's memory, CPU and process usage against its limits; --watch refreshes,
// --png writes the usage chart (memory with its limit and OOM kills, CPU with its quota and throttling).
import { writeFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { findContainerCgroups } from "../../lib/cgroups/container/find-container-cgroups.js";
import type { CgroupManager } from "../../lib/cgroups/manager/cgroup-manager.js";
import { formatUsage } from "../../lib/cgroups/usage/format-usage.js";
import { startSampler } from "../../lib/cgroups/usage/sampler.js";
import type { UsageSample } from "../../lib/cgroups/usage/usage-sample.js";
import type { CliCommand } from "../command.js";
import { enterScopeOf } from "../scope-of.js";
import { UsageError } from "../usage-error.js";

const USAGE = [
  "nsbook stats NAME [--json]                 usage now (CPU rate over --interval)",
  "nsbook stats NAME --watch [--interval S]   refresh every S seconds until Ctrl-C or the container ends",
  "nsbook stats NAME --png FILE [--seconds N] sample at 10 Hz for N seconds (or until it ends), write the chart",
].join("\n       ");

interface StatsArgs {
  name: string;
  watch: boolean;
  json: boolean;
  png?: string;
  intervalS: number;
  seconds: number;
}

function positive(option: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > 3600) {
    throw new UsageError(
      `--${option}: ${JSON.stringify(text)} is not a number of seconds from 0 to 3600`,
      USAGE,
    );
  }
  return n;
}

function parse(args: string[]): StatsArgs {
  try {
    const { values, positionals } = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        watch: { type: "boolean", short: "w" },
        json: { type: "boolean" },
        png: { type: "string" },
        interval: { type: "string" },
        seconds: { type: "string" },
      },
    });
    if (positionals.length !== 1) throw new UsageError("give exactly one container name", USAGE);
    if (values.watch && values.png) throw new UsageError("--watch and --png do not go together", USAGE);
    return {
      name: positionals[0] as string,
      watch: values.watch === true,
      json: values.json === true,
      ...(values.png ? { png: values.png } : {}),
      intervalS: positive("interval", values.interval, 1),
      seconds: positive("seconds", values.seconds, 10),
    };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError((e as Error).message, USAGE);
  }
}

function header(manager: CgroupManager): string {
  const where = manager.controllers.map((c) => `${c.controller} v${c.version}`).join(", ");
  return `${manager.dirName} (${where || "no controllers"})`;
}

/** Ctrl-C ends --watch and --png sampling cleanly (and removes its listener afterwards). */
function interruptSignal(): { signal: AbortSignal; done(): void } {
  const ac = new AbortController();
  const onInt = () => ac.abort();
  process.once("SIGINT", onInt);
  return { signal: ac.signal, done: () => process.removeListener("SIGINT", onInt) };
}

async function watch(manager: CgroupManager, a: StatsArgs): Promise<void> {
  const stop = interruptSignal();
  try {
    let before: UsageSample | undefined = manager.readUsage();
    while (!stop.signal.aborted && manager.exists()) {
      await sleep(a.intervalS * 1000, undefined, { signal: stop.signal }).catch(() => undefined);
      if (!manager.exists()) break;
      const now = manager.readUsage();
      const clear = process.stdout.isTTY ? "\x1b[H\x1b[2J" : "";
      process.stdout.write(`${clear}${header(manager)}  ${new Date(now.timeMs).toLocaleTimeString()}\n`);
      process.stdout.write(`${formatUsage(now, before).join("\n")}\n${process.stdout.isTTY ? "" : "\n"}`);
      before = now;
    }
  } finally {
    stop.done();
  }
}

async function chart(manager: CgroupManager, a: StatsArgs, file: string): Promise<void> {
  const stop = interruptSignal();
  const sampler = startSampler(manager, { hz: 10, signal: stop.signal });
  const deadline = setTimeout(() => void sampler.stop(), a.seconds * 1000);
  // Stop early when the container is gone or empty.
  const off = sampler.subscribe(() => {
    if (!manager.exists() || manager.pids().length === 0) void sampler.stop();
  });
  try {
    process.stderr.write(`sampling ${manager.dirName} at 10 Hz for up to ${a.seconds} s (Ctrl-C stops)...\n`);
    const result = await sampler.done;
    // Charts come from the notebook helpers (chart.js + canvas): loaded only when asked for.
    const { renderUsageChart } = await import("../../kernel-helpers/usage-charts/index.js");
    await writeFile(file, await renderUsageChart(result.samples, result.events));
    process.stdout.write(
      `${file}: ${result.samples.length} samples, ${result.events.length} OOM kill events\n`,
    );
  } finally {
    clearTimeout(deadline);
    off();
    stop.done();
  }
}

export const statsCommand: CliCommand = {
  name: "stats",
  summary: "show a container's memory, CPU and process use against its limits",
  usage: USAGE,
  async run(args) {
    const a = parse(args);
    a.name = await enterScopeOf(a.name);
    const manager = await findContainerCgroups(a.name);
    if (a.png) {
      await chart(manager, a, a.png);
      return 0;
    }
    if (a.watch) {
      await watch(manager, a);
      return 0;
    }
    const before = manager.readUsage();
    await sleep(Math.min(a.intervalS, 1) * 1000);
    const now = manager.readUsage();
    if (a.json)
      process.stdout.write(
        `${JSON.stringify({ cgroup: manager.dirName, dirs: manager.dirs, usage: now }, null, 2)}\n`,
      );
    else process.stdout.write(`${header(manager)}\n${formatUsage(now, before).join("\n")}\n`);
    return 0;
  },
};
