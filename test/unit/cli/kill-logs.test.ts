// `nsbook kill`'s signal names and `nsbook logs --tail`'s lines.
import { describe, expect, it } from "vitest";
import { signalNamed } from "../../../src/cli/commands/kill.js";
import { lastLines } from "../../../src/cli/commands/logs.js";

describe("kill --signal", () => {
  it("takes a name with or without SIG, any case, or the number", () => {
    expect(signalNamed("TERM")).toBe("SIGTERM");
    expect(signalNamed("sigusr1")).toBe("SIGUSR1");
    expect(signalNamed("9")).toBe("SIGKILL");
    expect(signalNamed("15")).toBe("SIGTERM");
    expect(signalNamed("STOP")).toBeUndefined();
    expect(signalNamed("99")).toBeUndefined();
  });
});

describe("logs --tail", () => {
  it("keeps the last N lines and the final newline", () => {
    expect(lastLines("a\nb\nc\n", 2)).toBe("b\nc\n");
    expect(lastLines("a\nb\nc", 1)).toBe("c");
    expect(lastLines("a\n", 5)).toBe("a\n");
    expect(lastLines("a\nb\n", 0)).toBe("");
    expect(lastLines("a\nb\n", undefined)).toBe("a\nb\n");
    expect(lastLines("", 3)).toBe("");
  });
});
