import { describe, expect, it } from "vitest";
import { cpusToQuotaUs, parseCpus } from "../../../../src/lib/cgroups/limits/index.js";

describe("parseCpus", () => {
  it("reads cores and percentages of one core", () => {
    expect(parseCpus(0.5)).toBe(0.5);
    expect(parseCpus("1.5")).toBe(1.5);
    expect(parseCpus("50%")).toBe(0.5);
    expect(parseCpus(" 20 % ")).toBe(0.2);
    expect(parseCpus("250%")).toBe(2.5);
  });

  it("returns undefined for anything else", () => {
    for (const bad of ["", "%", "half", "1/2", "-0.5", "0.5 cores"])
      expect(parseCpus(bad), bad).toBeUndefined();
    expect(parseCpus(Number.NaN)).toBeUndefined();
  });
});

describe("cpusToQuotaUs", () => {
  it("scales the period and rounds to a microsecond", () => {
    expect(cpusToQuotaUs(0.2, 100_000)).toBe(20_000);
    expect(cpusToQuotaUs(1 / 3, 100_000)).toBe(33_333);
    expect(cpusToQuotaUs(2, 50_000)).toBe(100_000);
  });
});
