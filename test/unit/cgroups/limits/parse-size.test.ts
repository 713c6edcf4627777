import { describe, expect, it } from "vitest";
import { formatSize, parseSize } from "../../../../src/lib/cgroups/limits/index.js";

describe("parseSize", () => {
  it("reads units as powers of 1024, with optional i and B", () => {
    expect(parseSize("512k")).toBe(512 * 1024);
    expect(parseSize("100M")).toBe(100 * 1024 ** 2);
    expect(parseSize("100MiB")).toBe(100 * 1024 ** 2);
    expect(parseSize("100mb")).toBe(100 * 1024 ** 2);
    expect(parseSize("2G")).toBe(2 * 1024 ** 3);
    expect(parseSize("1T")).toBe(1024 ** 4);
  });

  it("accepts fractions with a unit and rounds down to a byte", () => {
    expect(parseSize("1.5G")).toBe(1610612736);
    expect(parseSize("0.5k")).toBe(512);
    expect(parseSize(".5M")).toBe(512 * 1024);
  });

  it("takes bytes as a whole number or as digits", () => {
    expect(parseSize(1048576)).toBe(1048576);
    expect(parseSize("1048576")).toBe(1048576);
    expect(parseSize("4096B")).toBe(4096);
  });

  it("refuses what is not a size", () => {
    for (const bad of ["", "M", "12X", "-5M", "1,5G", "1.5", "ten", "1e6", "100 M B", "5iB"]) {
      expect(parseSize(bad), bad).toBeUndefined();
    }
    expect(parseSize(-1)).toBeUndefined();
    expect(parseSize(1.5)).toBeUndefined();
    expect(parseSize(Number.NaN)).toBeUndefined();
  });
});

describe("formatSize", () => {
  it("prints binary units without needless decimals", () => {
    expect(formatSize(32 * 1024 ** 2)).toBe("32 MiB");
    expect(formatSize(1610612736)).toBe("1.5 GiB");
    expect(formatSize(512)).toBe("512 B");
    expect(formatSize(33_554_432 - 4096)).toBe("32 MiB");
    expect(formatSize(1_437_696)).toBe("1.37 MiB");
  });
});
