import { describe, expect, it } from "vitest";
import { generateContainerName, validateContainerName } from "../../../src/lib/core/index.js";

describe("container names", () => {
  it.each(["web", "a", "step7-1", "my_box.2", "0abc", "a".repeat(40)])("accepts %j", (name) => {
    expect(validateContainerName(name)).toBe(name);
  });

  it.each([
    "",
    "a".repeat(41),
    "../etc",
    "a/b",
    "..",
    "a..b",
    ".hidden",
    "-flag",
    "Upper",
    "space name",
    "tab\tname",
    "nul\0",
  ])("refuses %j, saying what a name may hold", (name) => {
    expect(() => validateContainerName(name)).toThrow(
      /name: .* is not a valid container name: use 1-40 characters/,
    );
  });

  it("refuses what is not a string", () => {
    expect(() => validateContainerName(42)).toThrow(/not a valid container name/);
  });

  it("generates valid, distinct names", () => {
    const names = new Set(Array.from({ length: 50 }, generateContainerName));
    for (const n of names) expect(validateContainerName(n)).toBe(n);
    expect(names.size).toBeGreaterThan(45);
  });
});
