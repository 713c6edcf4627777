// `nsbook stats NAME`: a container's memory, CPU and process usage against its limits; --watch refreshes,
// --png writes the usage chart (memory with its limit and OOM kills, CPU with its quota and throttling).
import { writeFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import {
  type CgroupManager,
  findContainerCgroups,
  formatUsage,
  startSampler,
  type UsageSample,
} from "../../lib/index.js";
import type { CliCommand } from "../command.js";
import { type CommandSyntax, parseCommandLine, usageOf } from "../options.js";
import { enterScopeOf } from "../scope-of.js";
import { singleContainerName } from "../single-name.js";
import { badOption, UsageError } from "../usage-error.js";

/** `nsbook stats`'s options, once: the parser reads this table and `--help` is generated from it. */
export const STATS_SYNTAX: CommandSyntax = {
  command: "nsbook stats",
  tail: "NAME",
  options: [
    { name: "json", help: "print the usage now as JSON" },
    {
      name: "watch",
      short: "w",
      help: "refresh every --interval seconds until Ctrl-C or the container ends",
    },
    {
      name: "interval",
      value: "S",
      default: "1",
      help: "seconds between refreshes (CPU rate over up to 1 s)",
    },
    {
      name: "png",
      value: "FILE",
      help: "sample at 10 Hz for --seconds (or until it ends) and write the usage chart",
    },
    { name: "seconds", value: "N", default: "10", help: "how long --png samples" },
  ],
  notes: [
    "Without --watch or --png: the usage now, against the container's limits (memory, CPU, processes).",
    "--watch and --png do not go together.",
  ],
};

const USAGE = usageOf(STATS_SYNTAX);

interface StatsArgs {
  name: string;
  watch: boolean;
  json: boolean;
  png?: string;
  intervalS: number;
  seconds: number;
}

function positive(option: string, text: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n <= 0 || n > 3600)
    throw badOption(USAGE, {
      option: `--${option}`,
      value: text,
      why: "not a number of seconds from 0 to 3600",
    });
  return n;
}

function parse(args: string[]): StatsArgs {
  const parsed = parseCommandLine(args, STATS_SYNTAX);
  const values = parsed.values as {
    json?: boolean;
    watch?: boolean;
    interval: string;
    png?: string;
    seconds: string;
  };
  const name = singleContainerName(parsed.words, USAGE);
  if (values.watch && values.png) throw new UsageError("--watch and --png do not go together", USAGE);
  return {
    name,
    watch: values.watch === true,
    json: values.json === true,
    ...(values.png ? { png: values.png } : {}),
    intervalS: positive("interval", values.interval),
    seconds: positive("seconds", values.seconds),
  };
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
    const { renderUsageChart } = await import("../../kernel-helpers/index.js");
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
  syntax: STATS_SYNTAX,
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
