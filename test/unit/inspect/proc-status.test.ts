import { describe, expect, it } from "vitest";
import { parseProcStatus } from "../../../src/lib/inspect/index.js";
import { fixture } from "./fixture.js";

describe("parseProcStatus", () => {
  it("reads name, state, parent and IDs of a host process", () => {
    expect(parseProcStatus(fixture("status-self.txt"))).toEqual({
      name: "cat",
      state: "R",
      stateName: "running",
      tgid: 13896,
      pid: 13896,
      ppid: 13890,
      nsPid: [13896],
      nsTgid: [13896],
      uid: { real: 0, effective: 0, saved: 0, filesystem: 0 },
      gid: { real: 0, effective: 0, saved: 0, filesystem: 0 },
      threads: 1,
      kernelThread: false,
    });
  });

  it("gives one PID per namespace level for a process three PID namespaces deep", () => {
    const s = parseProcStatus(fixture("status-nested.txt"));
    expect(s.nsPid).toEqual([13909, 3, 1]);
    expect(s.nsTgid).toEqual([13909, 3, 1]);
    expect(s.pid).toBe(13909);
    expect(s.nsPid.at(-1)).toBe(1);
  });

  it("undoes the kernel's escapes in Name and keeps a raw tab that belongs to the name", () => {
    // The process named itself "a<newline>b\c<tab>d)" through /proc/self/comm.
    expect(parseProcStatus(fixture("status-comm-escapes.txt")).name).toBe("a\nb\\c\td)");
  });

  it("falls back to the plain PID on kernels without NSpid (before Linux 4.1)", () => {
    const old = fixture("status-self.txt")
      .split("\n")
      .filter((l) => !l.startsWith("NS") && !l.startsWith("Kthread"))
      .join("\n");
    const s = parseProcStatus(old);
    expect(s.nsPid).toEqual([13896]);
    expect(s.kernelThread).toBeUndefined();
  });

  it("names the missing field when the text is not a status file", () => {
    expect(() => parseProcStatus("hello: world\n")).toThrow(/no "Name:" line/);
    const noUid = fixture("status-self.txt").replace(/^Uid:.*$/m, "Uid:\t0 0");
    expect(() => parseProcStatus(noUid)).toThrow(/"Uid:" needs 4 numbers/);
  });
});
