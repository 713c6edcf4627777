// The resource-limit flags of `nsbook run` and how the CLI reports a container's end (pure parts).
import { describe, expect, it } from "vitest";
import { statusText } from "../../../src/cli/commands/ps.js";
import { exitLine, resourcesFromFlags } from "../../../src/cli/commands/run.js";
import { UsageError } from "../../../src/cli/usage-error.js";

const flags = (values: Parameters<typeof resourcesFromFlags>[0]) => resourcesFromFlags(values, "usage");

function usageError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error("expected a UsageError");
}

describe("nsbook run --memory/--memory-swap/--cpus/--pids", () => {
  it("gives no resources (no cgroups) when no limit flag is used", () => {
    expect(flags({})).toBeUndefined();
  });

  it("passes the limits as the container's resources, as written", () => {
    expect(flags({ memory: "100M", cpus: "0.5", pids: "64" })).toEqual({
      memory: "100M",
      cpus: "0.5",
      pids: "64",
    });
  });

  it("reads --memory-swap as Docker does (memory and swap together) and turns it into swap on top of memory", () => {
    expect(flags({ memory: "100M", "memory-swap": "150M" })).toEqual({
      memory: "100M",
      swap: 50 * 1024 * 1024,
    });
    expect(flags({ memory: "100M", "memory-swap": "100M" })).toEqual({ memory: "100M", swap: 0 });
    expect(flags({ memory: "100M", "memory-swap": "-1" })).toEqual({ memory: "100M" });
  });

  it("refuses bad values as usage errors that name the flag", () => {
    expect(usageError(() => flags({ memory: "lots" }))).toMatch(/^--memory "lots": not allowed; give bytes/);
    expect(usageError(() => flags({ cpus: "fast" }))).toMatch(/^--cpus "fast": not allowed; /);
    expect(usageError(() => flags({ pids: "0" }))).toMatch(/^--pids "0": not allowed; /);
    expect(usageError(() => flags({ "memory-swap": "1G" }))).toMatch(/--memory-swap needs --memory/);
    expect(usageError(() => flags({ memory: "1G", "memory-swap": "512M" }))).toMatch(
      /^--memory-swap "512M": less than --memory 1G/,
    );
    expect(usageError(() => flags({ memory: "1G", "memory-swap": "big" }))).toMatch(
      /^--memory-swap "big": not a size; /,
    );
  });
});

describe("what nsbook run says after the container", () => {
  it("prints the OOM line, and notes such as refused forks, but nothing for a plain exit", () => {
    const oom = "killed: out of memory (limit 32 MiB, peak 32 MiB)";
    expect(exitLine({ exitCode: 137, oomKilled: true, exitMessage: oom })).toBe(oom);
    const forks = "exited with code 2 (3 forks refused at the process limit of 5)";
    expect(exitLine({ exitCode: 2, oomKilled: false, exitMessage: forks })).toBe(forks);
    expect(exitLine({ exitCode: 0, oomKilled: false, exitMessage: "exited with code 0" })).toBeUndefined();
    expect(exitLine({ exitCode: 0 })).toBeUndefined();
  });
});

describe("nsbook ps STATUS", () => {
  it("shows the exit code, and why when the cgroups know", () => {
    expect(statusText({ status: "running" })).toBe("running");
    expect(statusText({ status: "exited" })).toBe("exited");
    expect(statusText({ status: "exited", exitCode: 0, exitMessage: "exited with code 0" })).toBe("exited 0");
    expect(
      statusText({
        status: "exited",
        exitCode: 137,
        oomKilled: true,
        exitMessage: "killed: out of memory (limit 32 MiB, peak 31.5 MiB)",
      }),
    ).toBe("exited 137 (out of memory, limit 32 MiB, peak 31.5 MiB)");
    expect(
      statusText({
        status: "exited",
        exitCode: 2,
        exitMessage: "exited with code 2 (3 forks refused at the process limit of 5)",
      }),
    ).toBe("exited 2 (3 forks refused at the process limit of 5)");
  });
});
