// `nsbook stop NAME... | --all`: stop containers and remove everything of them.
import {
  currentScope,
  locateContainer,
  qualifiedName,
  stopAllInVisibleScopes,
  stopContainer,
  validateContainerName,
  withScope,
} from "../../lib/index.js";
import type { CliCommand } from "../command.js";
import { type CommandSyntax, parseCommandLine, usageOf } from "../options.js";
import { badOption, UsageError } from "../usage-error.js";

/** `nsbook stop`'s options, once: the parser reads this table and `--help` is generated from it. */
export const STOP_SYNTAX: CommandSyntax = {
  command: "nsbook stop",
  tail: "NAME...",
  options: [
    {
      name: "time",
      short: "t",
      value: "SECONDS",
      help: "how long the command has after SIGTERM before SIGKILL (default: 5, with --all 2; 0: at once)",
    },
    { name: "all", short: "a", help: "every container this user may see, instead of NAMEs" },
    {
      name: "owner",
      value: "OWNER",
      help: "every container a kernel started (its NSBOOK_OWNER, as `nsbook ps --json` shows it)",
    },
  ],
  notes: [
    "Give NAMEs, --all or --owner. A container is stopped (SIGTERM, then SIGKILL) and removed with everything",
    "of it: state, cgroups, veth and address, overlay. NAME may be LEARNER/SESSION/NAME as root's `nsbook ps` shows.",
  ],
};

const USAGE = usageOf(STOP_SYNTAX);

export const stopCommand: CliCommand = {
  syntax: STOP_SYNTAX,
  async run(args) {
    const parsed = parseCommandLine(args, STOP_SYNTAX);
    const values = parsed.values as { all?: boolean; time?: string; owner?: string };
    const positionals = parsed.words;
    const ways = [values.all, values.owner !== undefined, positionals.length > 0].filter(Boolean).length;
    if (ways > 1) throw new UsageError("give NAMEs, --all or --owner, only one of them", USAGE);
    if (ways === 0) throw new UsageError("which containers? give NAMEs, --all or --owner", USAGE);
    if (values.owner !== undefined && !/^[\w.-]{1,80}$/.test(values.owner))
      throw badOption(USAGE, {
        option: "--owner",
        value: values.owner,
        why: "expected an owner as `nsbook ps --json` shows it",
      });
    let timeoutMs: number | undefined;
    if (values.time !== undefined) {
      const seconds = Number(values.time);
      if (!Number.isFinite(seconds) || seconds < 0 || values.time.trim() === "") {
        throw badOption(USAGE, {
          option: "--time",
          value: values.time,
          why: "expected seconds, e.g. 5 or 0.5",
        });
      }
      timeoutMs = seconds * 1000;
    }
    if (values.all || values.owner !== undefined) {
      const report = await stopAllInVisibleScopes({
        timeoutMs,
        ...(values.owner !== undefined ? { owner: values.owner } : {}),
      });
      const n = report.removed.length;
      process.stdout.write(
        `removed ${n} container${n === 1 ? "" : "s"}${n > 0 ? `: ${report.removed.join(" ")}` : ""}\n`,
      );
      if (report.strays.length > 0) {
        process.stdout.write(`killed ${report.strays.length} leftover process(es) of unfinished launches\n`);
      }
      if (report.cgroupsRemoved.length > 0) {
        process.stdout.write(
          `removed ${report.cgroupsRemoved.length} leftover cgroup(s): ${report.cgroupsRemoved.join(" ")}\n`,
        );
      }
      for (const b of report.cgroupsBusy) {
        process.stdout.write(
          `kept cgroup ${b.name}: processes ${b.pids.join(", ")} still run in it (not a container)\n`,
        );
      }
      for (const p of report.problems) process.stderr.write(`nsbook stop: ${p}\n`);
      return report.problems.length > 0 ? 1 : 0;
    }
    for (const name of positionals) {
      // NAME, or LEARNER/SESSION/NAME as root's `nsbook ps` shows it; no part may climb out of the run folder.
      const parts = name.split("/");
      if (parts.length > 3 || parts.some((p) => p === "" || p === "." || p === "..")) {
        throw new UsageError(
          `${JSON.stringify(name)} is not a valid container name: give NAME or LEARNER/SESSION/NAME as \`nsbook ps\` shows it`,
          USAGE,
        );
      }
      try {
        validateContainerName(parts.at(-1));
      } catch (e) {
        throw new UsageError((e as Error).message, USAGE);
      }
    }
    let status = 0;
    for (const given of positionals) {
      const found = await locateContainer(given);
      const name = found?.name ?? given;
      const outcome = await withScope(found ? found.scope : (currentScope() ?? null), () =>
        stopContainer(name, { remove: true, timeoutMs }),
      );
      if (!outcome.existed) {
        process.stderr.write(`nsbook stop: no container named "${name}" (see \`nsbook ps\`)\n`);
        status = 1;
        continue;
      }
      const how = outcome.escalated ? " (killed: it ignored SIGTERM)" : "";
      process.stdout.write(`${found ? qualifiedName(found) : name}${how}\n`);
    }
    return status;
  },
};
