// A mistake in how the CLI was called: printed as one line naming it, then the usage, never a stack trace. The
// exit code is the command's own-failure code: 125 for `run` and `exec` (docker's), 2 for the others.

import { NsbookError } from "../lib/index.js";

/** Thrown by a command when its arguments are wrong. */
export class UsageError extends NsbookError {
  override readonly name: string = "UsageError";
  /** The usage line(s) of the command that was misused. */
  readonly usage: string;
  /** The option concerned ("--memory"), when the mistake is one option's. */
  readonly option?: string;
  /** The value refused, when there was one. */
  readonly value?: string;
  constructor(message: string, usage: string, where: { option?: string; value?: string } = {}) {
    super("usage", message, { userMistake: true });
    this.usage = usage;
    if (where.option !== undefined) this.option = where.option;
    if (where.value !== undefined) this.value = where.value;
  }
}

/** What is wrong with one option: which option, the value refused, why, and what to do instead. */
export interface OptionProblem {
  /** As the user writes it: "--memory", "-x". */
  option: string;
  /** The value refused; absent when the option itself is the mistake (unknown, or missing its value). */
  value?: string;
  /** Why, e.g. "expected a number of lines or \"all\"", "unknown option". */
  why: string;
  /** What to do, e.g. "see `nsbook run --help`"; absent when `why` already says it. */
  fix?: string;
}

/**
 * The CLI's one way to report a bad option or a bad value: `--tail "x": expected a number of lines or "all"`,
 * `--bogus: unknown option; see \`nsbook ps --help\``. The parser (options.ts) and every command's own checks use it.
 */
export function badOption(usage: string, problem: OptionProblem): UsageError {
  const value = problem.value === undefined ? "" : ` ${JSON.stringify(problem.value)}`;
  const fix = problem.fix === undefined ? "" : `; ${problem.fix}`;
  return new UsageError(`${problem.option}${value}: ${problem.why}${fix}`, usage, {
    option: problem.option,
    ...(problem.value === undefined ? {} : { value: problem.value }),
  });
}
