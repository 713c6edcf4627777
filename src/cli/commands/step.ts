// `nsbook step N`: reproduces step N of the original shell course with the library.
import {
  attachCommand,
  type Container,
  runContainer,
  STEP7_NAMESPACES,
  type StepRecipe,
  startContainer,
  stepRecipe,
} from "../../lib/index.js";
import type { CliCommand } from "../command.js";
import { exitStatusOf, withTerminalSignalsIgnored } from "../foreground.js";
import { type CommandSyntax, parseCommandLine, usageOf } from "../options.js";
import { UsageError } from "../usage-error.js";

/** Most containers step 7 starts at once. */
const MAX_STEP7 = 20;

/** `nsbook step`'s options, once: the parser reads this table and `--help` is generated from it. */
export const STEP_SYNTAX: CommandSyntax = {
  command: "nsbook step",
  tail: "N [COUNT]",
  maxWords: 2,
  options: [
    {
      name: "name",
      value: "NAME",
      help: "the container's name and hostname (step 7: the prefix of NAME-1, NAME-2...)",
    },
    {
      name: "command",
      value: '"..."',
      help: "a shell command to run in it (steps 1-6: instead of a shell or the step's checks)",
    },
    { name: "rootfs", value: "DIR", help: "its root filesystem (default: the course's)" },
  ],
  notes: [
    "N is a step of the original shell course, 1 to 7. Steps 1-6 run one container in the foreground: a",
    "shell on a terminal, else the step's checks. Step 7 starts COUNT containers (default 2, at most",
    `${MAX_STEP7}) in the background and prints how to enter them.`,
  ],
};

const USAGE = usageOf(STEP_SYNTAX);

function integerArg(text: string | undefined, what: string, min: number, max: number): number {
  const n = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || n < min || n > max) {
    throw new UsageError(
      `${what} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`,
      USAGE,
    );
  }
  return n;
}

function header(step: StepRecipe): void {
  process.stderr.write(`step ${step.step}: ${step.title}: ${step.learn}\n`);
  process.stderr.write(`  the original script: ${step.shellEquivalent}\n`);
}

/** The command of steps 1-6: the user's --command, a shell on a terminal, else the step's checks. */
function commandForStep(step: StepRecipe, command: string | undefined): string[] {
  if (command !== undefined) return ["/bin/sh", "-c", command];
  if (process.stdin.isTTY && process.stdout.isTTY) return ["/bin/sh"];
  return ["/bin/sh", "-c", step.demo];
}

async function runStep(
  step: StepRecipe,
  values: { name?: string; command?: string; rootfs?: string },
): Promise<number> {
  header(step);
  const result = await withTerminalSignalsIgnored(() =>
    runContainer({
      name: values.name,
      rootfs: values.rootfs,
      namespaces: step.namespaces,
      mountProc: step.mountProc,
      ...(step.setsHostname ? { hostname: values.name ?? "my-container" } : {}),
      ...(step.resources ? { resources: step.resources } : {}),
      command: commandForStep(step, values.command),
      stdio: "inherit",
    }),
  );
  return exitStatusOf(result.exitCode, result.signal);
}

async function runStep7(
  count: number,
  values: { name?: string; command?: string; rootfs?: string },
): Promise<number> {
  const prefix = values.name ?? "step7";
  const names = Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);
  process.stderr.write(
    `step 7: ${count} containers at once, each with its own namespaces; attach with nsenter\n`,
  );
  const started = await Promise.allSettled(
    names.map((name) =>
      startContainer({ name, hostname: name, rootfs: values.rootfs, namespaces: [...STEP7_NAMESPACES] }),
    ),
  );
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  const containers = started
    .filter((s): s is PromiseFulfilledResult<Container> => s.status === "fulfilled")
    .map((s) => s.value);
  if (failed) {
    await Promise.all(containers.map((c) => c.dispose()));
    throw failed.reason;
  }
  for (const c of containers) {
    process.stdout.write(`${c.name}  (init: host PID ${c.pid})\n`);
    process.stdout.write(`  nsbook shell ${c.name}\n`);
    process.stdout.write(`  ${attachCommand(c.state)}\n`);
    if (values.command !== undefined) {
      const r = await c.exec(["/bin/sh", "-c", values.command]);
      for (const line of (r.stdout + r.stderr).split("\n").filter(Boolean))
        process.stdout.write(`  | ${line}\n`);
    }
  }
  process.stdout.write(`stop them with: nsbook stop ${names.join(" ")}\n`);
  return 0;
}

export const stepCommand: CliCommand = {
  syntax: STEP_SYNTAX,
  async run(args) {
    const parsed = parseCommandLine(args, STEP_SYNTAX);
    const values = parsed.values as { name?: string; command?: string; rootfs?: string };
    const positionals = parsed.words;
    const n = integerArg(positionals[0], "N (the step)", 1, 7);
    if (n === 7) {
      const count = positionals[1] === undefined ? 2 : integerArg(positionals[1], "COUNT", 1, MAX_STEP7);
      return runStep7(count, values);
    }
    if (positionals.length > 1)
      throw new UsageError(`unexpected argument ${JSON.stringify(positionals[1])}`, USAGE);
    return runStep(stepRecipe(n) as StepRecipe, values);
  },
};
