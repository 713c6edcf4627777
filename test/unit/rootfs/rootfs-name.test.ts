import { describe, expect, it } from "vitest";
import { isNsbookError } from "../../../src/lib/errors/index.js";
import { validateRootfsName } from "../../../src/lib/rootfs/index.js";

describe("validateRootfsName", () => {
  it("accepts lowercase names with digits, dots, dashes and underscores", () => {
    for (const name of ["alpine", "busybox", "alpine-3.20.3", "my_root", "a", "0day"]) {
      expect(validateRootfsName(name)).toBe(name);
    }
  });

  it("refuses path tricks, naming the bad value", () => {
    for (const name of [".", "..", "../etc", "a/b", "/abs", ".hidden", "-rf"]) {
      expect(() => validateRootfsName(name)).toThrow(
        new RegExp(`name ${JSON.stringify(name).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} is not a valid`),
      );
    }
  });

  it("refuses uppercase, spaces, empty names and names over 64 characters", () => {
    expect(() => validateRootfsName("Alpine")).toThrow(/not a valid root filesystem name/);
    expect(() => validateRootfsName("a b")).toThrow(/not a valid/);
    expect(() => validateRootfsName("")).toThrow(/must not be empty/);
    expect(() => validateRootfsName("a".repeat(65))).toThrow(/65 characters long: use at most 64/);
    expect(validateRootfsName("a".repeat(64))).toHaveLength(64);
  });

  it("marks its errors as user-facing and names the option it checks", () => {
    try {
      validateRootfsName("A", "--name");
      expect.unreachable();
    } catch (e) {
      expect(isNsbookError(e)).toBe(true);
      expect((e as Error).message).toMatch(/^--name "A"/);
    }
  });
});
