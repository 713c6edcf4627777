import { describe, expect, it } from "vitest";
import { isNsbookError } from "../../../src/lib/errors/index.js";
import { assertChecksum, parseSha256File, validateSha256 } from "../../../src/lib/rootfs/index.js";

const HEX = "a".repeat(64);
const OTHER = "b".repeat(64);

describe("parseSha256File", () => {
  it("reads the line Alpine publishes: '<hex>  <file name>'", () => {
    const text = `${HEX}  alpine-minirootfs-3.20.3-x86_64.tar.gz\n`;
    expect(parseSha256File(text, "alpine-minirootfs-3.20.3-x86_64.tar.gz")).toBe(HEX);
  });

  it("picks the right line from a multi-file SHA256SUMS and accepts the binary-mode '*' and a path", () => {
    const text = `${OTHER}  other.tar.gz\n${HEX.toUpperCase()} *dir/wanted.tar.gz\n`;
    expect(parseSha256File(text, "wanted.tar.gz")).toBe(HEX);
  });

  it("accepts a bare digest when it is the only line", () => {
    expect(parseSha256File(`${HEX}\n`, "x.tar.gz")).toBe(HEX);
  });

  it("returns undefined when the file is not listed or the text holds no digest", () => {
    expect(parseSha256File(`${HEX}  other.tar.gz\n`, "wanted.tar.gz")).toBeUndefined();
    expect(parseSha256File("<html>404 Not Found</html>", "wanted.tar.gz")).toBeUndefined();
    expect(parseSha256File(`${HEX}\n${OTHER}\n`, "wanted.tar.gz")).toBeUndefined();
  });
});

describe("validateSha256", () => {
  it("lowercases a valid digest and refuses anything else, naming the option", () => {
    expect(validateSha256(` ${HEX.toUpperCase()} `)).toBe(HEX);
    expect(() => validateSha256("abc", "--sha256")).toThrow(/--sha256 "abc" is not a sha256 checksum/);
  });
});

describe("assertChecksum", () => {
  it("throws a user-facing error with both digests and the advice", () => {
    try {
      assertChecksum("http://m/x.tar.gz", HEX, OTHER, "Try again.");
      expect.unreachable();
    } catch (e) {
      expect(isNsbookError(e)).toBe(true);
      expect((e as Error).message).toBe(
        `checksum mismatch for http://m/x.tar.gz: expected sha256 ${HEX}, got ${OTHER}. Try again.`,
      );
    }
  });
});
