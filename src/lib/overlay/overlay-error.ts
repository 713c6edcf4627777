// The error for an overlay or layer option the user can fix: it names the option and the bad value.

/** A refused overlay option or layer operation; the CLI prints it without a stack trace. */
export class OverlayError extends Error {
  override readonly name = "OverlayError";
  /** Printed without a stack trace by the CLI (exit code 1). */
  readonly userFacing = true;
}

/** Shorthand for a refused option: `<option>: <value> <what>`. */
export function badOverlayOption(option: string, value: unknown, what: string): OverlayError {
  return new OverlayError(`${option}: ${JSON.stringify(value)} ${what}`);
}
