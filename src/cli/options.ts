// Every command's options, declared once: the parser reads the table, and the usage and `--help` are generated
// from it, so they cannot disagree.
//
// Two kinds of command line:
// - a command that runs another command (`run`, `exec`: `passesCommand`) follows docker's rule: nsbook's options
//   come first and end at "--" or at the first word that is not an option (after the command's own leading
//   words, such as exec's NAME). Everything from there on is the container's command, untouched:
//   `nsbook exec web ls -l` runs `ls -l`, `nsbook run grep --help` runs grep's help.
// - every other command takes its options and its words (NAMEs, N) in any order, until "--", after which
//   everything is a word: `nsbook stats web --watch` is `nsbook stats --watch web`.
// In both, `--help` and `-h` are nsbook's only where an option can stand: never after "--", never as an option's
// value, never inside the container's command.
import { badOption, UsageError } from "./usage-error.js";

/** One option: `--name` (and `-n`), a flag or one that takes a value. */
export interface OptionSpec {
  /** The long name without dashes, e.g. "workdir". */
  name: string;
  /** One letter, e.g. "w" for `-w`. */
  short?: string;
  /** The value's placeholder in the usage ("DIR"); absent for a flag (which takes no value). */
  value?: string;
  /** May be given more than once (the values are collected in order). */
  multiple?: boolean;
  /** The only values allowed (checked by the parser, named in the error). */
  choices?: readonly string[];
  /** The value when the option is not given: the parser fills it in, and `--help` shows it. */
  default?: string;
  /** Must be given (`layers commit --from`): the usage shows it without brackets, the parser insists. */
  required?: boolean;
  /** One line for `--help`. */
  help: string;
}

/** What one command's arguments are: its options, and the words around them. */
export interface CommandSyntax {
  /** e.g. "nsbook exec", "nsbook rootfs import" */
  command: string;
  options: readonly OptionSpec[];
  /** Words before the container's command, in the usage (exec: ["NAME"]); each is required. Only with passesCommand. */
  leading?: readonly string[];
  /** How the words are written in the usage, e.g. "CMD [ARG...]", "NAME...", "N [COUNT]"; "" for none. */
  tail: string;
  /**
   * The words after the options (and `leading`) are a command passed on untouched (`run`, `exec`): nsbook's options
   * end at the first word that is not one. Otherwise options and words mix, until "--".
   */
  passesCommand?: boolean;
  /** Most words the command takes (without passesCommand); more is a usage error. @default unlimited */
  maxWords?: number;
  /** Lines after the option list in `--help`: what the command does, where nsbook differs from docker, and why. */
  notes?: readonly string[];
}

/** A command made of subcommands (`nsbook rootfs import ...`), each with its own table. */
export interface CommandGroup {
  /** e.g. "nsbook rootfs" */
  command: string;
  /** Each subcommand's syntax by the word that selects it. */
  subcommands: Readonly<Record<string, CommandSyntax>>;
  /** The subcommand when none is named (`nsbook network` is `nsbook network show`). */
  defaultSubcommand?: string;
  notes?: readonly string[];
}

/** The parsed arguments: option values by long name, the words, and the container's command. */
export interface ParsedCommandLine {
  values: Record<string, string | boolean | string[] | undefined>;
  /** The leading words (passesCommand), or every word (otherwise). */
  words: string[];
  /** The container's command (passesCommand); empty when none was given. */
  command: string[];
}

/** One word of a command line, as the table reads it. */
type Token =
  | { kind: "option"; text: string; spec?: OptionSpec; inlineValue?: string }
  | { kind: "value"; text: string }
  | { kind: "word"; text: string };

function byLong(options: readonly OptionSpec[], long: string): OptionSpec | undefined {
  return options.find((o) => o.name === long);
}

function byShort(options: readonly OptionSpec[], letter: string): OptionSpec | undefined {
  return options.find((o) => o.short === letter);
}

/**
 * Reads `args` into nsbook's own words (options, their values, words) and the container's command, without
 * judging the options (pure). A value-taking option takes the next word whatever it is (`--memory-swap -1`,
 * `--name web`), unless written `--name=web` or `-eK=V`. A cluster of letters (-it, -dm 32m): the first letter
 * that takes a value takes the rest of the word, or else the next word.
 */
function tokenize(
  args: readonly string[],
  syntax: Pick<CommandSyntax, "options" | "leading" | "passesCommand">,
): { tokens: Token[]; command: string[]; ownEnd: number } {
  const tokens: Token[] = [];
  const leading = syntax.leading?.length ?? 0;
  let leadingSeen = 0;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    if (word === "--") {
      const after = args.slice(i + 1);
      if (syntax.passesCommand) return { tokens, command: after, ownEnd: i };
      for (const w of after) tokens.push({ kind: "word", text: w });
      return { tokens, command: [], ownEnd: args.length };
    }
    if (word.startsWith("--") && word.length > 2) {
      const eq = word.indexOf("=");
      const long = eq < 0 ? word.slice(2) : word.slice(2, eq);
      const spec = byLong(syntax.options, long);
      tokens.push({
        kind: "option",
        text: eq < 0 ? word : word.slice(0, eq),
        ...(spec ? { spec } : {}),
        ...(eq < 0 ? {} : { inlineValue: word.slice(eq + 1) }),
      });
      if (spec?.value !== undefined && eq < 0 && i + 1 < args.length)
        tokens.push({ kind: "value", text: args[++i] as string });
      continue;
    }
    if (word.startsWith("-") && word.length > 1) {
      for (let j = 1; j < word.length; j++) {
        const letter = word[j] as string;
        const spec = byShort(syntax.options, letter);
        const rest = word.slice(j + 1);
        if (spec?.value === undefined) {
          tokens.push({ kind: "option", text: `-${letter}`, ...(spec ? { spec } : {}) });
          if (!spec) break; // an unknown letter: the rest of the word means nothing more
          continue;
        }
        tokens.push({
          kind: "option",
          text: `-${letter}`,
          spec,
          ...(rest === "" ? {} : { inlineValue: rest.replace(/^=/, "") }),
        });
        if (rest === "" && i + 1 < args.length) tokens.push({ kind: "value", text: args[++i] as string });
        break;
      }
      continue;
    }
    if (syntax.passesCommand && leadingSeen >= leading) return { tokens, command: args.slice(i), ownEnd: i };
    leadingSeen++;
    tokens.push({ kind: "word", text: word });
  }
  return { tokens, command: [], ownEnd: args.length };
}

/**
 * Splits `args` into nsbook's own words and the container's command (pure): nsbook's words end at "--" (dropped)
 * or, for a command that passes one on, at the first non-option word once the leading words were seen.
 */
export function splitOwnArgs(
  args: readonly string[],
  syntax: CommandSyntax,
): { own: string[]; command: string[] } {
  const { command, ownEnd } = tokenize(args, syntax);
  return { own: args.slice(0, ownEnd), command };
}

/** Whether `--help` or `-h` stands where an option can (not after "--", not as a value, not in the command). */
export function helpAsked(args: readonly string[], syntax: CommandSyntax): boolean {
  return tokenize(args, syntax).tokens.some(
    (t) => t.kind === "option" && (t.text === "--help" || t.text === "-h") && t.inlineValue === undefined,
  );
}

/** Parses `args` by the table; a mistake is a UsageError that names the option, the value and what to do. */
export function parseCommandLine(args: readonly string[], syntax: CommandSyntax): ParsedCommandLine {
  const usage = usageOf(syntax);
  const { tokens, command } = tokenize(args, syntax);
  const values: ParsedCommandLine["values"] = {};
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === "word") {
      words.push(t.text);
      continue;
    }
    if (t.kind === "value") continue; // taken with its option
    const spec = t.spec;
    if (!spec) {
      throw badOption(usage, {
        option: t.text,
        why: "unknown option",
        fix: `see \`${syntax.command} --help\`${syntax.passesCommand ? "; an option of the container's command goes after the command, or after --" : ""}`,
      });
    }
    const flag = `--${spec.name}`;
    if (spec.value === undefined) {
      if (t.inlineValue !== undefined)
        throw badOption(usage, {
          option: flag,
          value: t.inlineValue,
          why: "takes no value",
          fix: `write ${flag} alone`,
        });
      values[spec.name] = true;
      continue;
    }
    let value = t.inlineValue;
    if (value === undefined) {
      const next = tokens[i + 1];
      if (next?.kind !== "value")
        throw badOption(usage, { option: flag, why: "needs a value", fix: `write ${flag} ${spec.value}` });
      value = next.text;
      i++;
    }
    if (spec.choices && !spec.choices.includes(value))
      throw badOption(usage, { option: flag, value, why: `expected ${orList(spec.choices)}` });
    if (spec.multiple) values[spec.name] = [...((values[spec.name] as string[] | undefined) ?? []), value];
    else values[spec.name] = value;
  }
  for (const o of syntax.options) {
    if (values[o.name] !== undefined) continue;
    if (o.required) {
      // "import needs --from PATH|URL (a .tar or .tar.gz: a file or a URL)"
      const what = syntax.command.split(" ").at(-1);
      throw new UsageError(`${what} needs --${o.name}${o.value ? ` ${o.value}` : ""} (${o.help})`, usage);
    }
    if (o.default !== undefined) values[o.name] = o.default;
  }
  if (syntax.passesCommand) {
    const leading = syntax.leading ?? [];
    if (words.length < leading.length) {
      const missing = leading[words.length] as string;
      throw new UsageError(
        missing === "NAME" ? "which container? give its NAME (see `nsbook ps`)" : `${missing} is missing`,
        usage,
      );
    }
  } else if (syntax.maxWords !== undefined && words.length > syntax.maxWords) {
    throw new UsageError(`unexpected argument ${JSON.stringify(words[syntax.maxWords])}`, usage);
  }
  return { values, words, command };
}

/** "a, b or c" */
function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

/** The longest usage line shown in full with a mistake; a longer one is shortened to [OPTIONS]. */
const FULL_USAGE_MAX = 100;

/**
 * The usage shown with a mistake: the full line when it is short (`nsbook ps [--json] [-q|--quiet]`), else
 * `nsbook exec [OPTIONS] NAME CMD [ARG...]   (options: nsbook exec --help)`.
 */
export function usageOf(syntax: CommandSyntax | CommandGroup): string {
  if ("subcommands" in syntax) return Object.values(syntax.subcommands).map(usageOf).join("\n       ");
  const full = fullUsageOf(syntax);
  if (full.length <= FULL_USAGE_MAX) return full;
  const words = [syntax.command, "[OPTIONS]", ...(syntax.leading ?? []), syntax.tail].filter((w) => w !== "");
  return `${words.join(" ")}   (options: ${syntax.command} --help)`;
}

/** The full one-line usage generated from the table: `nsbook exec [-w|--workdir DIR] [-e|--env K=V]... NAME CMD [ARG...]`. */
export function fullUsageOf(syntax: CommandSyntax): string {
  const parts = syntax.options.map((o) => {
    const flag = o.short ? `-${o.short}|--${o.name}` : `--${o.name}`;
    const bare = o.value === undefined ? flag : `${flag} ${o.value}`;
    const one = o.required ? bare : `[${bare}]`;
    return o.multiple ? `${one}...` : one;
  });
  return [syntax.command, ...parts, ...(syntax.leading ?? []), syntax.tail].filter((w) => w !== "").join(" ");
}

const HELP_OPTION = { name: "help", short: "h", help: "print this help" } as OptionSpec;

/** The option rows of `--help`, aligned (a group's help lists `-h, --help` once, at its end). */
function optionRows(options: readonly OptionSpec[]): string[] {
  const rows = options.map((o) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${o.name}${o.value === undefined ? "" : ` ${o.value}`}`;
    return [flag, o.default === undefined ? o.help : `${o.help} (default: ${o.default})`] as const;
  });
  const width = Math.max(...rows.map(([f]) => f.length));
  return rows.map(([f, h]) => `  ${f.padEnd(width)}  ${h}`);
}

/** `--help`: "usage: " and the full usage, one line per option from the same table, then the notes. */
export function helpOf(syntax: CommandSyntax | CommandGroup): string {
  if ("subcommands" in syntax) {
    const subs = Object.values(syntax.subcommands);
    return [
      `usage: ${subs.map(fullUsageOf).join("\n       ")}`,
      ...subs.flatMap((s) => [
        "",
        `${s.command}:`,
        ...(s.options.length > 0 ? optionRows(s.options) : ["  (no options)"]),
        ...(s.notes ?? []).map((n) => `  ${n}`),
      ]),
      "",
      ...optionRows([HELP_OPTION]),
      ...(syntax.notes && syntax.notes.length > 0 ? ["", ...syntax.notes] : []),
    ].join("\n");
  }
  return [
    `usage: ${fullUsageOf(syntax)}`,
    "",
    ...optionRows([...syntax.options, HELP_OPTION]),
    ...(syntax.notes && syntax.notes.length > 0 ? ["", ...syntax.notes] : []),
  ].join("\n");
}

/**
 * Which subcommand of `group` `args` name, and the arguments left for it: the first word (skipping options, read
 * by every subcommand's table) selects it; the default when there is no word. Undefined for an unknown word or
 * none without a default.
 */
export function selectSubcommand(
  args: readonly string[],
  group: CommandGroup,
):
  | { name: string; syntax: CommandSyntax; args: string[] }
  | { name: string | undefined; syntax?: undefined } {
  const all = Object.values(group.subcommands).flatMap((s) => s.options);
  const index = firstWordIndex(args, all);
  if (index < 0) {
    const name = group.defaultSubcommand;
    const syntax = name === undefined ? undefined : group.subcommands[name];
    return name !== undefined && syntax ? { name, syntax, args: [...args] } : { name: undefined };
  }
  const name = args[index] as string;
  const syntax = Object.hasOwn(group.subcommands, name) ? group.subcommands[name] : undefined;
  return syntax ? { name, syntax, args: [...args.slice(0, index), ...args.slice(index + 1)] } : { name };
}

/** The index in `args` of the first word that is neither an option nor an option's value; -1 for none. */
function firstWordIndex(args: readonly string[], options: readonly OptionSpec[]): number {
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    if (word === "--") return i + 1 < args.length ? i + 1 : -1;
    if (!word.startsWith("-") || word.length === 1) return i;
    const takesNext = word.startsWith("--")
      ? !word.includes("=") && byLong(options, word.slice(2))?.value !== undefined
      : [...word.slice(1)].findIndex((l) => byShort(options, l)?.value !== undefined) === word.length - 2;
    if (takesNext) i++;
  }
  return -1;
}

/**
 * Whether `args` ask for help, and which: a subcommand's own (`nsbook rootfs import --help`) or the whole group's
 * (`nsbook rootfs --help`). Undefined when they do not.
 */
export function helpFor(args: readonly string[], syntax: CommandSyntax | CommandGroup): string | undefined {
  if (!("subcommands" in syntax)) return helpAsked(args, syntax) ? helpOf(syntax) : undefined;
  const chosen = selectSubcommand(args, syntax);
  if (chosen.syntax) {
    if (!helpAsked(chosen.args, chosen.syntax)) return undefined;
    // `nsbook network --help` picks the default subcommand, but asks about the whole command.
    const named = chosen.args.length < args.length;
    return named ? helpOf(chosen.syntax) : helpOf(syntax);
  }
  const all = Object.values(syntax.subcommands).flatMap((s) => s.options);
  return helpAsked(args, { command: syntax.command, options: all, tail: "" }) ? helpOf(syntax) : undefined;
}

/** The subcommand `args` name, or a UsageError that lists the group's subcommands. */
export function subcommandOf(
  args: readonly string[],
  group: CommandGroup,
): { name: string; syntax: CommandSyntax; args: string[] } {
  const chosen = selectSubcommand(args, group);
  if (chosen.syntax) return chosen;
  const names = orList(Object.keys(group.subcommands));
  throw new UsageError(
    chosen.name === undefined
      ? `which one? ${names}`
      : `unknown subcommand ${JSON.stringify(chosen.name)}: use ${names}`,
    usageOf(group),
  );
}
