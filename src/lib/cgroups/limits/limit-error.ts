// The error for a resource limit the user got wrong: it names the option, the bad value and what is allowed.

/** A limit option with a value nsbook refuses before the kernel sees it. */
export class LimitError extends Error {
  override readonly name = "LimitError";
  /** Printed without a stack trace by the CLI (exit code 1). */
  readonly userFacing = true;
  /** The option, e.g. "memory" or "cpus". */
  readonly option: string;
  /** The value as given. */
  readonly value: unknown;

  constructor(option: string, value: unknown, allowed: string) {
    super(`${option}: ${describeValue(value)} is not allowed; ${allowed}`);
    this.option = option;
    this.value = value;
  }
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  if (value === undefined) return "undefined";
  return `a ${typeof value} (${JSON.stringify(value)})`;
}
