// The one base class of nsbook's errors. An NsbookError is an error nsbook understood: its message says what
// failed and why, in words a learner can act on, so the CLI prints it without a stack trace and a notebook
// shows it as text. Anything else that is thrown is a bug, and is shown with its stack.

import { inspect } from "node:util";

/** Marks NsbookErrors across copies of the library (the compiled dist/ and the sources under tsx are two). */
const BRAND = Symbol.for("nsbook.error");

/** What an NsbookError may say besides its message. */
export interface NsbookErrorOptions {
  /** What to do about it, when nsbook knows: one sentence (the CLI prints it on a line of its own). */
  hint?: string;
  /**
   * True when what was asked for is wrong - a bad option value, an unknown container, a name in use - so
   * changing the request fixes it. False (the default) when the request was fine and this machine could not
   * do it: a missing tool, a permission, the kernel refused.
   */
  userMistake?: boolean;
  cause?: unknown;
}

/** An error nsbook explains: a stable code, a message, and what to do about it. */
export class NsbookError extends Error {
  override readonly name: string = "NsbookError";
  /** Stable and machine-readable, e.g. "invalid-option", "not-found", "cgroup-file", "host-command". */
  readonly code: string;
  /** What to do about it, when nsbook knows. */
  readonly hint?: string;
  /** True when the user's request was wrong (see {@link NsbookErrorOptions.userMistake}). */
  readonly userMistake: boolean;
  readonly [BRAND] = true;

  constructor(code: string, message: string, options: NsbookErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.hint !== undefined) this.hint = options.hint;
    this.userMistake = options.userMistake ?? false;
  }

  /**
   * tslab prints a failed cell's error with console.error, which formats it with util.inspect: a learner sees
   * the explanation, not a stack into nsbook's sources.
   */
  [inspect.custom](): string {
    return explainError(this);
  }
}

/** True for an NsbookError, whichever copy of the library made it. */
export function isNsbookError(e: unknown): e is NsbookError {
  return e instanceof Error && (e as unknown as Record<symbol, unknown>)[BRAND] === true;
}

/** The message, with the hint on a line of its own when the message does not carry it already. */
export function explainError(e: NsbookError): string {
  if (!e.hint || e.message.includes(e.hint)) return e.message;
  return `${e.message}\n  hint: ${e.hint}`;
}

/** A value of an option that nsbook refuses before anything is created: names the option and the value. */
export class InvalidOptionError extends NsbookError {
  override readonly name: string = "InvalidOptionError";
  /** The option, e.g. "memory", "network", "from". */
  readonly option: string;
  /** The value as given. */
  readonly value: unknown;
  /** Why it is refused and what is allowed, e.g. "must be \"none\" or \"bridge\"". */
  readonly why: string;

  constructor(
    option: string,
    value: unknown,
    why: string,
    options: Omit<NsbookErrorOptions, "userMistake"> = {},
  ) {
    super("invalid-option", `${option}: ${describeValue(value)} ${why}`, { ...options, userMistake: true });
    this.option = option;
    this.value = value;
    this.why = why;
  }
}

/** The one way to refuse an option's value: `<option>: <value> <why>`. */
export function invalidOption(option: string, value: unknown, why: string): InvalidOptionError {
  return new InvalidOptionError(option, value, why);
}

/** A value as a learner would type it back: strings quoted, numbers bare, arrays and objects as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number") return String(value); // NaN and Infinity, which JSON would write as null
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value); // a cycle, a BigInt
  }
}
