import { describe, expect, it } from "vitest";
import { NsbookError } from "../../../src/lib/errors/index.js";
import { nsenterArgv, validateProcessRef } from "../../../src/lib/inspect/index.js";

describe("nsenterArgv", () => {
  it("enters only the named namespaces and runs the host's program (no --mount, no --root)", () => {
    expect(nsenterArgv(4242, ["net"], ["ip", "-d", "-j", "addr"])).toEqual([
      "nsenter",
      "--target",
      "4242",
      "--net",
      "--",
      "ip",
      "-d",
      "-j",
      "addr",
    ]);
  });

  it("joins the owning user namespace first, keeping the caller's IDs, for a rootless container", () => {
    expect(nsenterArgv(7, ["uts"], ["uname", "-n"], true)).toEqual([
      "nsenter",
      "--target",
      "7",
      "--user",
      "--preserve-credentials",
      "--uts",
      "--",
      "uname",
      "-n",
    ]);
  });
});

describe("validateProcessRef", () => {
  it('accepts a positive integer PID or "self"', () => {
    expect(validateProcessRef(1, "pid")).toBe(1);
    expect(validateProcessRef("self", "pid")).toBe("self");
  });

  it("rejects anything else with a user-facing error naming the option and the value", () => {
    for (const bad of [0, -3, 1.5, "12", Number.NaN, undefined]) {
      let error: unknown;
      try {
        validateProcessRef(bad, "containerPid");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(NsbookError);
      expect((error as NsbookError).userMistake).toBe(true);
      expect((error as Error).message).toMatch(/^containerPid must be a positive integer PID/);
    }
    expect(() => validateProcessRef("12", "containerPid")).toThrow(/got "12"/);
  });
});
