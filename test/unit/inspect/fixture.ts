// Reads a captured fixture from test/fixtures/inspect (see capture.sh there for how each was made).
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The text of test/fixtures/inspect/<name>. */
export function fixture(name: string): string {
  return readFileSync(join(__dirname, "../../fixtures/inspect", name), "utf8");
}
