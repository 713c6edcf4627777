// The error for a resource limit the user got wrong: it names the option, the bad value and what is allowed.
import { InvalidOptionError } from "../../errors/index.js";

/** A limit option with a value nsbook refuses before the kernel sees it. */
export class LimitError extends InvalidOptionError {
  override readonly name: string = "LimitError";
  /** What is allowed, e.g. "use a size such as 100M". */
  readonly allowed: string;

  constructor(option: string, value: unknown, allowed: string) {
    super(option, value, `is not allowed; ${allowed}`);
    this.allowed = allowed;
  }
}
