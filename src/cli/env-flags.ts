// `--env K=V` and `--env-file FILE` (`run`, `exec`), read as docker reads them: `K=V` sets K to V as written,
// `K` alone passes this shell's K on (nothing when it is unset); a file holds one such line per variable.
import { readFileSync } from "node:fs";
import type { OptionSpec } from "./options.js";
import { badOption } from "./usage-error.js";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The variables of one env file's text (pure). `K=V` sets K to V exactly as written (quotes and spaces are
 * part of the value, as docker keeps them); a line `K` alone takes K's value from `environment`, and is
 * skipped when K is unset there; blank lines and lines starting with # are ignored. Throws a message naming
 * the line for anything else.
 */
export function parseEnvFile(
  text: string,
  environment: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const env: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/^\s+/, "");
    if (line === "" || line.startsWith("#")) return;
    const eq = line.indexOf("=");
    const name = eq < 0 ? line.trimEnd() : line.slice(0, eq);
    if (!NAME.test(name)) {
      throw new Error(
        `line ${index + 1}: ${JSON.stringify(name)} is not a variable name (letters, digits and _, not first a digit)`,
      );
    }
    if (eq >= 0) env[name] = line.slice(eq + 1);
    else if (environment[name] !== undefined) env[name] = environment[name] as string;
  });
  return env;
}

/**
 * The container's environment from the flags: the files first, in order, then each `--env` (a later one
 * wins, as with docker). A usage error names the flag, the file and line, or the value.
 */
export function envFromFlags(
  values: { env?: readonly string[]; "env-file"?: readonly string[] },
  usage: string,
): Record<string, string> {
  const env = readEnvFiles(values["env-file"], usage);
  for (const item of values.env ?? []) {
    const eq = item.indexOf("=");
    const name = eq < 0 ? item : item.slice(0, eq);
    if (!NAME.test(name)) {
      throw badOption(usage, {
        option: "--env",
        value: item,
        why: "expected NAME=VALUE or NAME (a variable name: letters, digits and _)",
      });
    }
    if (eq >= 0) env[name] = item.slice(eq + 1);
    else if (process.env[name] !== undefined) env[name] = process.env[name] as string;
  }
  return env;
}

/** The variables of every `--env-file`, in order (a later file wins); a usage error names the file and line. */
function readEnvFiles(files: readonly string[] | undefined, usage: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const file of files ?? []) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw badOption(usage, {
        option: "--env-file",
        value: file,
        why: `cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      });
    }
    try {
      Object.assign(env, parseEnvFile(text, process.env));
    } catch (e) {
      throw badOption(usage, { option: "--env-file", value: file, why: (e as Error).message });
    }
  }
  return env;
}

/** The options `run` and `exec` share for the command's environment and terminal, as docker's. */
export const COMMAND_IO_OPTIONS: readonly OptionSpec[] = [
  {
    name: "env",
    short: "e",
    value: "K=V",
    multiple: true,
    help: "a variable for the command (K alone: this shell's K)",
  },
  {
    name: "env-file",
    value: "FILE",
    multiple: true,
    help: "variables from a file: K=V lines, K alone takes this shell's value, # comments",
  },
  {
    name: "interactive",
    short: "i",
    help: "accepted for docker's sake: stdin is always passed on to the command",
  },
  {
    name: "tty",
    short: "t",
    help: "accepted for docker's sake: no pseudo-terminal is made, the command uses nsbook's own",
  },
];
