// The error for an overlay or layer operation the user can fix: it names the option and the bad value.
import { NsbookError } from "../errors/index.js";

/** A refused layer operation (a layer in use, a name taken, nothing to commit). */
export class OverlayError extends NsbookError {
  override readonly name: string = "OverlayError";
  constructor(message: string) {
    super("overlay", message, { userMistake: true });
  }
}
