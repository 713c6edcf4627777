import { describe, expect, it } from "vitest";
import { parseProcCgroup } from "../../../src/lib/proc/index.js";

describe("parseProcCgroup", () => {
  it("reads v1 controller lines, named hierarchies and the v2 line of a hybrid host", () => {
    const e = parseProcCgroup("9:name=systemd:/\n4:memory:/process_api/7ae0\n2:cpu,cpuacct:/x\n0::/\n");
    expect(e[0]).toMatchObject({ hierarchyId: 9, controllers: [], name: "systemd", isV2: false });
    expect(e[1]).toMatchObject({ controllers: ["memory"], path: "/process_api/7ae0", isV2: false });
    expect(e[2]?.controllers).toEqual(["cpu", "cpuacct"]);
    expect(e[3]).toMatchObject({ hierarchyId: 0, path: "/", isV2: true });
  });

  it("reads the single line of a pure v2 host", () => {
    expect(parseProcCgroup("0::/user.slice/user-1000.slice/session-2.scope\n")).toEqual([
      { hierarchyId: 0, controllers: [], path: "/user.slice/user-1000.slice/session-2.scope", isV2: true },
    ]);
  });

  it("rejects a malformed line", () => {
    expect(() => parseProcCgroup("nonsense")).toThrow(/not a \/proc\/PID\/cgroup line/);
  });
});
