import { describe, expect, it } from "vitest";
import {
  LimitError,
  type ResourceLimitsInput,
  validateLimits,
} from "../../../../src/lib/cgroups/limits/index.js";

function refusal(input: ResourceLimitsInput | unknown): LimitError {
  try {
    validateLimits(input as ResourceLimitsInput);
  } catch (e) {
    expect(e).toBeInstanceOf(LimitError);
    return e as LimitError;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be refused`);
}

describe("validateLimits", () => {
  it("converts human units to kernel units", () => {
    expect(validateLimits({ memory: "100M", cpus: 0.5, pids: 64 })).toEqual({
      memoryBytes: 100 * 1024 * 1024,
      cpuQuotaUs: 50_000,
      cpuPeriodUs: 100_000,
      pidsMax: 64,
    });
  });

  it("reads a CPU percentage as a share of one core and keeps a given period", () => {
    expect(validateLimits({ cpus: "50%" })).toMatchObject({ cpuQuotaUs: 50_000, cpuPeriodUs: 100_000 });
    expect(validateLimits({ cpus: "150%", cpuPeriodUs: 10_000 })).toMatchObject({
      cpuQuotaUs: 15_000,
      cpuPeriodUs: 10_000,
    });
    expect(validateLimits({ cpus: "1.5" })).toMatchObject({ cpuQuotaUs: 150_000 });
  });

  it("accepts whole numbers as digits, as a command line passes them", () => {
    expect(validateLimits({ pids: "64", cpuWeight: "200" })).toMatchObject({ pidsMax: 64, cpuWeight: 200 });
  });

  it("gives both the v2 weight and the v1 shares for either input", () => {
    expect(validateLimits({ cpuWeight: 100 })).toEqual({ cpuWeight: 100, cpuShares: 1024 });
    expect(validateLimits({ cpuShares: 1024 })).toEqual({ cpuWeight: 100, cpuShares: 1024 });
    expect(validateLimits({ cpuShares: 512 })).toEqual({ cpuWeight: 59, cpuShares: 512 });
  });

  it("keeps swap apart from memory", () => {
    expect(validateLimits({ memory: "64M", swap: 0 })).toEqual({ memoryBytes: 64 * 1024 ** 2, swapBytes: 0 });
  });

  it("returns no fields for no limits", () => {
    expect(validateLimits({})).toEqual({});
  });

  it("refuses a memory value that is not a size, naming the option, the value and the format", () => {
    const e = refusal({ memory: "12X" });
    expect(e.option).toBe("memory");
    expect(e.value).toBe("12X");
    expect(e.userMistake).toBe(true);
    expect(e.message).toMatch(/^memory: "12X" is not allowed; .*"100M"/);
  });

  it("refuses a memory limit too small to start anything", () => {
    expect(refusal({ memory: "512k" }).message).toMatch(/smallest memory limit is 1 MiB/);
  });

  it("refuses swap without memory", () => {
    expect(refusal({ swap: "1G" }).message).toMatch(/^swap: .*needs a memory limit/);
  });

  it("refuses a CPU quota below the kernel's 1 ms minimum, saying the smallest allowed", () => {
    const e = refusal({ cpus: 0.005 });
    expect(e.option).toBe("cpus");
    expect(e.message).toMatch(/smallest CPU limit with a 100000 us period is 0.01/);
  });

  it("refuses CPU values that are not numbers or percentages", () => {
    for (const bad of ["half", "-1", "50 percent", "", Number.NaN, Number.POSITIVE_INFINITY, 0]) {
      expect(refusal({ cpus: bad as number }).option).toBe("cpus");
    }
  });

  it("refuses a CFS period outside 1000..1000000 us", () => {
    expect(refusal({ cpus: 1, cpuPeriodUs: 999 }).message).toMatch(/^cpuPeriodUs: 999 .*1000 to 1000000/);
    expect(refusal({ cpus: 1, cpuPeriodUs: 1_000_001 }).option).toBe("cpuPeriodUs");
    expect(refusal({ cpuPeriodUs: 50_000 }).message).toMatch(/only means something with `cpus`/);
  });

  it("refuses weights and shares outside their ranges, and both at once", () => {
    expect(refusal({ cpuWeight: 0 }).message).toMatch(/^cpuWeight: 0 .*1 to 10000/);
    expect(refusal({ cpuWeight: 10001 }).option).toBe("cpuWeight");
    expect(refusal({ cpuShares: 1 }).message).toMatch(/^cpuShares: 1 .*2 to 262144/);
    expect(refusal({ cpuWeight: 100, cpuShares: 1024 }).message).toMatch(/either cpuWeight .* or cpuShares/);
  });

  it("refuses a process limit that is not a positive whole number", () => {
    for (const bad of [0, -1, 2.5, "many", 5_000_000])
      expect(refusal({ pids: bad as number }).option).toBe("pids");
  });

  it("refuses unknown options, naming the known ones", () => {
    const e = refusal({ memroy: "1G" });
    expect(e.option).toBe("memroy");
    expect(e.message).toMatch(/known limits are memory, swap, cpus/);
  });

  it("refuses something that is not an object", () => {
    expect(refusal("100M").option).toBe("limits");
  });
});
