import { describe, expect, it } from "vitest";
import {
  formatCpuMax,
  parseCgroupNumber,
  parseCpuMax,
  parseFlatKeyed,
  parseProcs,
  parseV1CpuQuota,
  parseV1MemoryLimit,
  parseV2Limit,
} from "../../../../src/lib/cgroups/parse/index.js";
import { V1_AFTER_LIMITS } from "../fixtures/v1-files.js";
import { V2_AFTER_LIMITS } from "../fixtures/v2-files.js";

describe("parseFlatKeyed", () => {
  it("reads v2 cpu.stat and memory.events", () => {
    expect(parseFlatKeyed(V2_AFTER_LIMITS["cpu.stat"])).toMatchObject({
      usage_usec: 4850212,
      nr_periods: 247,
      nr_throttled: 244,
      throttled_usec: 32269748,
    });
    expect(parseFlatKeyed(V2_AFTER_LIMITS["memory.events"])).toEqual({
      low: 0,
      high: 0,
      max: 143,
      oom: 2,
      oom_kill: 1,
      oom_group_kill: 0,
    });
  });

  it("reads v1 memory.oom_control and cpu.stat", () => {
    expect(parseFlatKeyed(V1_AFTER_LIMITS["memory.oom_control"])).toEqual({
      oom_kill_disable: 0,
      under_oom: 0,
      oom_kill: 1,
    });
    expect(parseFlatKeyed(V1_AFTER_LIMITS["cpu.stat"]).throttled_time).toBe(827646004);
  });

  it("rejects a line that is not a key and a number, quoting it", () => {
    expect(() => parseFlatKeyed("max 1\nmax max\n")).toThrow(/not a "key value" line: "max max"/);
  });
});

describe("single-value parsers", () => {
  it("reads a number, with or without a newline", () => {
    expect(parseCgroupNumber("1437696\n")).toBe(1437696);
    expect(() => parseCgroupNumber("max\n")).toThrow(/not a number: "max\\n"/);
  });

  it('reads v2 limits, "max" being no limit', () => {
    expect(parseV2Limit("max\n")).toBeUndefined();
    expect(parseV2Limit("33554432\n")).toBe(33554432);
  });

  it("reads v1 memory limits, the huge page-aligned value being no limit", () => {
    expect(parseV1MemoryLimit("9223372036854771712\n")).toBeUndefined();
    // 64 KiB pages (arm64, ppc64le) give a different "unlimited".
    expect(parseV1MemoryLimit("9223372036854710272\n")).toBeUndefined();
    expect(parseV1MemoryLimit("33554432\n")).toBe(33554432);
  });

  it("reads v1 cfs_quota_us, -1 being no quota", () => {
    expect(parseV1CpuQuota("-1\n")).toBeUndefined();
    expect(parseV1CpuQuota("20000\n")).toBe(20000);
  });
});

describe("parseCpuMax", () => {
  it("reads a quota and a period, or max", () => {
    expect(parseCpuMax("20000 100000\n")).toEqual({ quotaUs: 20000, periodUs: 100000 });
    expect(parseCpuMax("max 100000\n")).toEqual({ periodUs: 100000 });
  });

  it("writes what it reads", () => {
    expect(formatCpuMax(20000, 100000)).toBe("20000 100000");
    expect(formatCpuMax(undefined, 100000)).toBe("max 100000");
  });

  it("rejects anything else", () => {
    expect(() => parseCpuMax("20000\n")).toThrow(/not a cpu.max value/);
  });
});

describe("parseProcs", () => {
  it("lists the PIDs, none for an empty file", () => {
    expect(parseProcs("12\n345\n")).toEqual([12, 345]);
    expect(parseProcs("")).toEqual([]);
    expect(() => parseProcs("12\nabc\n")).toThrow(/not a PID/);
  });
});
