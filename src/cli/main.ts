// `nsbook`: the shell face of the library. Dispatches to one module per command.
import {
  currentScope,
  explainError,
  isNsbookError,
  removeScopeIfEmpty,
  TERMINAL_SESSION,
  takeUserEnvArgs,
} from "../lib/index.js";
import { rootArgv, runInstead, scopeArgv } from "./as-root.js";
import type { CliCommand } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { helpFor } from "./options.js";
import { UsageError } from "./usage-error.js";

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 4);
  return [
    "nsbook: learn how Linux containers work by building one.",
    "",
    "usage: nsbook <command> [options]",
    "",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `nsbook <command> --help` for a command's options. Start with `nsbook doctor`.",
  ].join("\n");
}

/** Runs the CLI with `argv` (without node and the script) and resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  // Every launcher of this script puts "--" first (see bin/nsbook: Node 20 would take `--env-file` as its own).
  if (argv[0] === "--") argv = argv.slice(1);
  // The root side of `nsbook` run again through sudo (as-root.ts) first takes the learner's carried variables.
  if (process.env.NSBOOK_ROOT_VIA) {
    try {
      argv = takeUserEnvArgs(argv);
    } catch (e) {
      process.stderr.write(`nsbook: ${(e as Error).message}\n`);
      return 2;
    }
  }
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(`${helpText()}\n`);
    return name ? 0 : 2;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`nsbook: unknown command "${name}"\n\n${helpText()}\n`);
    return 2;
  }
  const command: CliCommand = await entry.load();
  // `--help` or `-h` where an option can stand: never after "--", never as an option's value, never in the
  // container's command (`nsbook exec web -- grep --help` and `nsbook exec web ls -h` run the command's help).
  const help = helpFor(rest, command.syntax);
  if (help !== undefined) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  const asRoot = rootArgv(name, rest, __filename) ?? scopeArgv(name, rest, __filename);
  if (asRoot) return runInstead(asRoot);
  try {
    return await runCommand(name, command, rest);
  } finally {
    await forgetEmptyTerminalScope();
  }
}

/**
 * A learner's terminal scope (`sudo nsbook ...`) lives while it holds containers: once a command leaves it
 * empty, its folder and its network go, so the next kernel of theirs can have nsbook0 (see scope-network.ts).
 */
async function forgetEmptyTerminalScope(): Promise<void> {
  if (process.env.NSBOOK_SCOPE || !process.env.SUDO_USER) return;
  const scope = currentScope();
  if (scope?.session === TERMINAL_SESSION) await removeScopeIfEmpty(scope).catch(() => undefined);
}

/** Runs `command` and turns the errors users cause into a message and an exit code. */
async function runCommand(name: string, command: CliCommand, rest: string[]): Promise<number> {
  try {
    return await command.run(rest);
  } catch (e) {
    // An NsbookError is explained by its message (and hint), and a usage mistake by the command's usage line:
    // no stack. Anything else is a bug in nsbook, and main's caller prints its stack (exit 70).
    if (!isNsbookError(e)) throw e;
    const usage = e instanceof UsageError ? `\nusage: ${e.usage}` : "";
    process.stderr.write(`nsbook ${name}: ${explainError(e)}${usage}\n`);
    return command.ownFailureExit ?? (e instanceof UsageError ? 2 : 1);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `nsbook: internal error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
      process.exitCode = 70;
    },
  );
}
