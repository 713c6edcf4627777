// Parsing and checking sha256 checksums: the `.sha256` files Alpine publishes next to each tarball, and the
// `--sha256 HEX` a user types.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { RootfsError } from "./rootfs-error.js";

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * The checksum of `fileName` in a sha256sum-style text ("<hex>  <name>" or "<hex> *<name>" per line, as
 * `sha256sum` writes and Alpine publishes), or the single hex digest of a one-line file with no name.
 * Returns undefined when the text names other files only, or holds no digest at all.
 */
export function parseSha256File(text: string, fileName: string): string | undefined {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  for (const line of lines) {
    const m = /^([0-9a-fA-F]{64})(?:\s+\*?(.+))?$/.exec(line);
    if (!m?.[1]) continue;
    const name = m[2]?.trim();
    if (name === undefined ? lines.length === 1 : name === fileName || name.split("/").pop() === fileName) {
      return m[1].toLowerCase();
    }
  }
  return undefined;
}

/** Validates a user-given sha256 (64 hex digits, any case); returns it lowercased. */
export function validateSha256(value: string, option = "sha256"): string {
  const v = value.trim().toLowerCase();
  if (!HEX64.test(v)) {
    throw new RootfsError(
      `${option} ${JSON.stringify(value)} is not a sha256 checksum: expected 64 hexadecimal digits (as printed by \`sha256sum FILE\`)`,
    );
  }
  return v;
}

/** The sha256 (hex) of a file's contents, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Throws a {@link RootfsError} saying what to do when `actual` is not `expected`. */
export function assertChecksum(what: string, expected: string, actual: string, advice: string): void {
  if (expected === actual) return;
  throw new RootfsError(
    `checksum mismatch for ${what}: expected sha256 ${expected}, got ${actual}. ${advice}`,
  );
}
