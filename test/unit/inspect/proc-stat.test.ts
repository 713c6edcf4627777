import { describe, expect, it } from "vitest";
import { parseCmdline, parseProcStat } from "../../../src/lib/inspect/index.js";
import { fixture } from "./fixture.js";

describe("parseProcStat", () => {
  it('reads a comm holding ") (" and spaces by splitting at the last ")"', () => {
    const s = parseProcStat(fixture("stat-comm-parens.txt"));
    expect(s.comm).toBe("x) (y) z");
    expect(s).toMatchObject({ pid: 13898, state: "S", ppid: 13890, pgrp: 13847, session: 11360, threads: 1 });
    expect(s.startTimeTicks).toBe(43594);
    expect(s.vsizeBytes).toBe(2990080);
    expect(s.rssPages).toBe(445);
  });

  it("reads a comm holding a newline, a backslash, a tab and a closing parenthesis", () => {
    const s = parseProcStat(fixture("stat-comm-escapes.txt"));
    expect(s.comm).toBe("a\nb\\c\td)");
    expect(s.state).toBe("S");
    expect(s.startTimeTicks).toBe(43615);
    expect(s.utimeTicks).toBe(0);
  });

  it("rejects text that is not a stat line, quoting its start", () => {
    expect(() => parseProcStat("not a stat line")).toThrow(/not a \/proc\/PID\/stat line: "not a stat line"/);
    expect(() => parseProcStat("12 (short) S 1 2 3")).toThrow(SyntaxError);
  });
});

describe("parseCmdline", () => {
  it("splits the NUL-terminated arguments, keeping empty and spaced ones", () => {
    expect(parseCmdline("unshare\0--pid\0sh\0-c\0hostname nsbook-g; sleep 30\0\0")).toEqual([
      "unshare",
      "--pid",
      "sh",
      "-c",
      "hostname nsbook-g; sleep 30",
      "",
    ]);
  });

  it("is empty for a kernel thread or zombie, and one string for a rewritten title", () => {
    expect(parseCmdline("")).toEqual([]);
    expect(parseCmdline("postgres: checkpointer")).toEqual(["postgres: checkpointer"]);
  });
});
