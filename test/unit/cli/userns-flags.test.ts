import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/cli/usage-error.js";
import { usernsFromFlags } from "../../../src/cli/userns-flags.js";

describe("usernsFromFlags", () => {
  it("gives nothing without flags and `true` for a bare --userns", () => {
    expect(usernsFromFlags({}, "usage")).toBeUndefined();
    expect(usernsFromFlags({ userns: true }, "usage")).toBe(true);
  });

  it("reads --userns-uid and --userns-gid, either implying --userns", () => {
    expect(usernsFromFlags({ "userns-uid": "1500" }, "usage")).toEqual({ hostUid: 1500 });
    expect(usernsFromFlags({ userns: true, "userns-gid": "1501" }, "usage")).toEqual({ hostGid: 1501 });
  });

  it("calls a non-numeric ID a usage error naming the flag", () => {
    expect(() => usernsFromFlags({ "userns-uid": "nobody" }, "usage")).toThrow(UsageError);
    expect(() => usernsFromFlags({ "userns-uid": "nobody" }, "usage")).toThrow(/^--userns-uid "nobody"/);
  });
});
