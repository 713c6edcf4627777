// The options of a command that runs another command (`run`, `exec`), declared once: the parser reads the table
// and the usage text is generated from it, so they cannot disagree.
//
// Parsing follows docker's rule: nsbook's options come first and end at "--" or at the first word that is not an
// option (after the command's own leading words, such as exec's NAME). Everything from there on is the
// container's command, untouched: `nsbook exec web ls -l` runs `ls -l`, `nsbook run grep --help` runs grep's help.
import { parseArgs } from "node:util";
import { UsageError } from "./usage-error.js";

/** One option: `--name` (and `-n`), a flag or one that takes a value. */
export interface OptionSpec {
  /** The long name without dashes, e.g. "workdir". */
  name: string;
  /** One letter, e.g. "w" for `-w`. */
  short?: string;
  /** The value's placeholder in the usage ("DIR"); absent for a flag. */
  value?: string;
  /** May be given more than once (the values are collected in order). */
  multiple?: boolean;
  /** One line for `--help`. */
  help: string;
}

/** What a command's arguments are: its options, and the words before the container's command. */
export interface CommandSyntax {
  /** e.g. "nsbook exec" */
  command: string;
  options: readonly OptionSpec[];
  /** Words before the command, in the usage (exec: ["NAME"]); each is required. */
  leading: readonly string[];
  /** How the container's command is written in the usage, e.g. "CMD [ARG...]" or "[CMD [ARG...]]". */
  tail: string;
  /** Lines after the option list in `--help`: where nsbook differs from docker, and why. */
  notes?: readonly string[];
}

/** The parsed arguments: option values by long name, the leading words, and the container's command. */
export interface ParsedCommandLine {
  values: Record<string, string | boolean | string[] | undefined>;
  leading: string[];
  /** The container's command; empty when none was given. */
  command: string[];
}

function byLong(syntax: CommandSyntax, long: string): OptionSpec | undefined {
  return syntax.options.find((o) => o.name === long);
}

function byShort(syntax: CommandSyntax, letter: string): OptionSpec | undefined {
  return syntax.options.find((o) => o.short === letter);
}

/**
 * Splits `args` into nsbook's own words and the container's command, without judging the options (pure).
 * nsbook's words end at "--" (dropped) or at the first non-option word once `leading` words were seen.
 * A value-taking option consumes the next word (`--name web`, `-e K=V`) unless written `--name=web` or `-eK=V`.
 */
export function splitOwnArgs(
  args: readonly string[],
  syntax: CommandSyntax,
): { own: string[]; command: string[] } {
  const own: string[] = [];
  let leadingSeen = 0;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    if (word === "--") return { own, command: args.slice(i + 1) };
    if (word.startsWith("--") && word.length > 2) {
      own.push(word);
      const spec = byLong(syntax, word.slice(2));
      if (spec?.value !== undefined && !word.includes("=") && i + 1 < args.length)
        own.push(args[++i] as string);
      continue;
    }
    if (word.startsWith("-") && word.length > 1) {
      own.push(word);
      // A cluster of letters (-it, -dit): the first one that takes a value takes the rest of the word, or else
      // the next word.
      for (let j = 1; j < word.length; j++) {
        const spec = byShort(syntax, word[j] as string);
        if (spec?.value === undefined) continue;
        if (j === word.length - 1 && i + 1 < args.length) own.push(args[++i] as string);
        break;
      }
      continue;
    }
    if (leadingSeen < syntax.leading.length) {
      own.push(word);
      leadingSeen++;
      continue;
    }
    return { own, command: args.slice(i) };
  }
  return { own, command: [] };
}

/** Whether `--help` or `-h` is among nsbook's own words (a `-h` in the container's command is the command's). */
export function helpAsked(args: readonly string[], syntax: CommandSyntax): boolean {
  const { own } = splitOwnArgs(args, syntax);
  return own.includes("--help") || own.includes("-h");
}

/** Parses `args` by the table; a mistake is a UsageError that names it. */
export function parseCommandLine(args: readonly string[], syntax: CommandSyntax): ParsedCommandLine {
  const usage = usageOf(syntax);
  const { own, command } = splitOwnArgs(args, syntax);
  const options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const o of syntax.options) {
    options[o.name] = {
      type: o.value === undefined ? "boolean" : "string",
      ...(o.short ? { short: o.short } : {}),
      ...(o.multiple ? { multiple: true } : {}),
    };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: own, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(parseArgsMessage(e), usage);
  }
  const leading = parsed.positionals;
  if (leading.length < syntax.leading.length) {
    const missing = syntax.leading[leading.length] as string;
    throw new UsageError(
      missing === "NAME" ? "which container? give its NAME (see `nsbook ps`)" : `${missing} is missing`,
      usage,
    );
  }
  return { values: parsed.values as ParsedCommandLine["values"], leading, command };
}

/** node's parseArgs message in a few words, naming the option. */
function parseArgsMessage(e: unknown): string {
  const message = (e as Error).message;
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]} (see --help)`;
  const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  return message.split(". ")[0] ?? message;
}

/** The short usage shown with a mistake: `nsbook exec [OPTIONS] NAME CMD [ARG...]   (options: nsbook exec --help)`. */
export function usageOf(syntax: CommandSyntax): string {
  return `${[syntax.command, "[OPTIONS]", ...syntax.leading, syntax.tail].join(" ")}   (options: ${syntax.command} --help)`;
}

/** The full one-line usage generated from the table: `nsbook exec [-w|--workdir DIR] [-e|--env K=V]... NAME CMD [ARG...]`. */
export function fullUsageOf(syntax: CommandSyntax): string {
  const parts = syntax.options.map((o) => {
    const flag = o.short ? `-${o.short}|--${o.name}` : `--${o.name}`;
    const one = o.value === undefined ? `[${flag}]` : `[${flag} ${o.value}]`;
    return o.multiple ? `${one}...` : one;
  });
  return [syntax.command, ...parts, ...syntax.leading, syntax.tail].join(" ");
}

/** `--help`: the usage, one line per option from the same table, then the notes. */
export function helpOf(syntax: CommandSyntax): string {
  const rows = syntax.options.map((o) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${o.name}${o.value === undefined ? "" : ` ${o.value}`}`;
    return [flag, o.help] as const;
  });
  const width = Math.max(...rows.map(([f]) => f.length));
  return [
    fullUsageOf(syntax),
    "",
    ...rows.map(([f, h]) => `  ${f.padEnd(width)}  ${h}`),
    ...(syntax.notes && syntax.notes.length > 0 ? ["", ...syntax.notes] : []),
  ].join("\n");
}
