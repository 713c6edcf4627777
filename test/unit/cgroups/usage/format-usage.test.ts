import { describe, expect, it } from "vitest";
import { formatUsage } from "../../../../src/lib/cgroups/usage/format-usage.js";
import { usageFromV1Files } from "../../../../src/lib/cgroups/v1/v1-usage.js";
import { usageFromV2Files } from "../../../../src/lib/cgroups/v2/v2-usage.js";
import { V1_AFTER_LIMITS } from "../fixtures/v1-files.js";
import { V2_UNLIMITED } from "../fixtures/v2-files.js";

describe("formatUsage", () => {
  it("shows memory, CPU and pids against their limits", () => {
    const now = { timeMs: 2000, ...usageFromV1Files(V1_AFTER_LIMITS) };
    const before = { ...now, timeMs: 1000, cpuUsageUs: (now.cpuUsageUs ?? 0) - 200_000 };
    expect(formatUsage(now, before)).toEqual([
      "memory  1.37 MiB of 32 MiB (4%), peak 32 MiB, limit hits 41, OOM kills 1",
      "cpu     0.20 cores of 0.2, used 0.25 s, throttled 12 of 12 periods (100%), 0.83 s",
      "pids    4 of 5, refused forks 1",
    ]);
  });

  it("says when there is no limit, and gives the limit without a rate from one sample", () => {
    expect(formatUsage({ timeMs: 0, ...usageFromV2Files(V2_UNLIMITED) })).toEqual([
      "memory  0 B (no limit), peak 0 B, limit hits 0, OOM kills 0",
      "cpu     limit none, used 0.00 s, throttled 0 of 0 periods (-), 0.00 s",
      "pids    0 (no limit), refused forks 0",
    ]);
  });

  it("leaves out controllers that are not served", () => {
    expect(formatUsage({ timeMs: 0, cpuUsageUs: 1_500_000 })).toEqual(["cpu     limit none, used 1.50 s"]);
  });
});
