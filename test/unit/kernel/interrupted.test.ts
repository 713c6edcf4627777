import { describe, expect, it } from "vitest";
import { INTERRUPT_WINDOW_MS, interruptedMessage, isInterrupt } from "../../../src/kernel/interrupted.js";

describe("the learner's interrupt", () => {
  it("is tslab's 'Interrupted asynchronously', Node's interrupted script, or a SIGINT death right after a SIGINT", () => {
    expect(isInterrupt(new Error("Interrupted asynchronously"), Number.POSITIVE_INFINITY)).toBe(true);
    const sync = Object.assign(new Error("Script execution was interrupted by `SIGINT`"), {
      code: "ERR_SCRIPT_EXECUTION_INTERRUPTED",
    });
    expect(isInterrupt(sync, Number.POSITIVE_INFINITY)).toBe(true);
    const killed = Object.assign(new Error("sleep 5 failed"), { signal: "SIGINT" });
    expect(isInterrupt(killed, 100)).toBe(true);
    expect(isInterrupt(killed, INTERRUPT_WINDOW_MS + 1)).toBe(false);
    expect(isInterrupt(new Error("boom"), 0)).toBe(false);
    expect(isInterrupt("Interrupted asynchronously", 0)).toBe(false);
  });

  it("is one line in the notebook's language, with no stack", () => {
    for (const lang of ["en", "ja"] as const) {
      const line = interruptedMessage(lang);
      expect(line.split("\n")).toHaveLength(1);
      expect(line).not.toMatch(/\bat \w/);
    }
    expect(interruptedMessage("en")).toMatch(/^Interrupted — .*kernel is fine/);
    expect(interruptedMessage("ja")).toMatch(/^中断しました — .*カーネルは無事です/);
  });
});
