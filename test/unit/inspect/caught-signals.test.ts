// The signals a process catches, from its SigCgt mask (notebook 02 reads its container's init).
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { readCaughtSignals, signalsInMask } from "../../../src/lib/inspect/index.js";

describe("signalsInMask", () => {
  it("names the signals of a SigCgt mask (busybox ash as init catches SIGINT and SIGCHLD)", () => {
    expect(signalsInMask("0000000000010002")).toEqual(["SIGINT", "SIGCHLD"]);
    expect(signalsInMask("0000000000000000")).toEqual([]);
  });

  it("refuses text that is not a mask", () => {
    expect(() => signalsInMask("SigCgt: 2")).toThrow(SyntaxError);
  });
});

describe("readCaughtSignals", () => {
  it("reads the signals a live shell traps from its /proc/PID/status", async () => {
    // sh sets its handler for SIGUSR1 when it runs `trap`; until then the mask lacks it, so poll briefly.
    const shell = spawn("sh", ["-c", "trap 'exit 0' USR1; while :; do sleep 0.05; done"], {
      stdio: "ignore",
    });
    try {
      const pid = shell.pid as number;
      let caught: string[] = [];
      for (let i = 0; i < 100 && !caught.includes("SIGUSR1"); i++) {
        caught = await readCaughtSignals(pid);
        if (!caught.includes("SIGUSR1")) await sleep(20);
      }
      expect(caught).toContain("SIGUSR1");
      expect(caught).not.toContain("SIGUSR2");
    } finally {
      shell.kill("SIGKILL");
    }
  });
});
