import { describe, expect, it } from "vitest";
import { describeExit } from "../../../../src/lib/cgroups/container/describe-exit.js";
import type { UsageSample } from "../../../../src/lib/cgroups/usage/usage-sample.js";

const MiB = 1024 * 1024;
const before: UsageSample = { timeMs: 0, oomKills: 0, memoryLimitBytes: 32 * MiB, pidsLimitHits: 0 };
const afterOom: UsageSample = {
  timeMs: 1,
  oomKills: 1,
  memoryLimitBytes: 32 * MiB,
  memoryPeakBytes: 32 * MiB - 4096,
  pidsLimitHits: 0,
};

describe("describeExit", () => {
  it("reports an OOM kill as 137 with the limit and the peak, however unshare reported it", () => {
    // util-linux 2.38 unshare: "sigprocmask unblock failed", exit 1.
    for (const reported of [{ exitCode: 1 }, { exitCode: 137 }, { signal: "SIGKILL" }]) {
      expect(describeExit({ ...reported, before, after: afterOom })).toEqual({
        exitCode: 137,
        oomKilled: true,
        message: "killed: out of memory (limit 32 MiB, peak 32 MiB)",
        messageJa: "メモリ不足で kill された（上限 32 MiB、ピーク 32 MiB）",
      });
    }
  });

  it("counts only kills that happened during the run", () => {
    const r = describeExit({ exitCode: 1, before: { ...before, oomKills: 1 }, after: afterOom });
    expect(r).toEqual({
      exitCode: 1,
      oomKilled: false,
      message: "exited with code 1",
      messageJa: "終了コード 1 で終了した",
    });
  });

  it("says how many processes the OOM killer took", () => {
    expect(describeExit({ exitCode: 137, before, after: { ...afterOom, oomKills: 3 } }).message).toBe(
      "killed: out of memory (limit 32 MiB, peak 32 MiB, 3 processes killed)",
    );
  });

  it("does not call a successful container OOM-killed, but mentions the kill inside", () => {
    expect(describeExit({ exitCode: 0, before, after: afterOom })).toEqual({
      exitCode: 0,
      oomKilled: false,
      message: "exited with code 0 (the OOM killer killed 1 process inside)",
      messageJa: "終了コード 0 で終了した（中のプロセス 1 個を OOM killer が kill した）",
    });
  });

  it("reports a signal as 128 + its number", () => {
    expect(describeExit({ signal: "SIGTERM" })).toEqual({
      exitCode: 143,
      oomKilled: false,
      message: "killed by SIGTERM",
      messageJa: "SIGTERM で kill された",
    });
  });

  it("mentions forks refused by the process limit", () => {
    const after = { ...before, timeMs: 1, pidsLimit: 5, pidsLimitHits: 2 };
    expect(describeExit({ exitCode: 2, before, after }).message).toBe(
      "exited with code 2 (2 forks refused at the process limit of 5)",
    );
    expect(describeExit({ exitCode: 2, before, after }).messageJa).toBe(
      "終了コード 2 で終了した（プロセス数の上限 5 で fork が 2 回拒否された）",
    );
  });

  it("works without usage (no memory controller)", () => {
    expect(describeExit({ exitCode: 0 })).toEqual({
      exitCode: 0,
      oomKilled: false,
      message: "exited with code 0",
      messageJa: "終了コード 0 で終了した",
    });
  });
});
