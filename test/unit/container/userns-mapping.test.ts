import { describe, expect, it } from "vitest";
import {
  applyPrivilege,
  buildExecArgv,
  buildLaunchArgv,
  CGROUP_JOIN_SCRIPT,
  dropToHostUserArgv,
  normalizeSpec,
  normalizeUserns,
} from "../../../src/lib/container/index.js";

const spec = (options: Parameters<typeof normalizeSpec>[0]) =>
  normalizeSpec({ name: "web", ...options }, "/data/rootfs/busybox", ["sleep", "infinity"], undefined);
const launch = { mode: "root" as const, stateDir: "/run/nsbook/web", reportReady: true };

describe("normalizeUserns", () => {
  it("maps root to nobody (65534) for `true`, and to nothing for false or undefined", () => {
    expect(normalizeUserns(true)).toEqual({ hostUid: 65534, hostGid: 65534 });
    expect(normalizeUserns(false)).toBeUndefined();
    expect(normalizeUserns(undefined)).toBeUndefined();
  });

  it("takes a chosen uid and gid, each defaulting to 65534", () => {
    expect(normalizeUserns({ hostUid: 1500 })).toEqual({ hostUid: 1500, hostGid: 65534 });
    expect(normalizeUserns({ hostUid: 1500, hostGid: 1501 })).toEqual({ hostUid: 1500, hostGid: 1501 });
  });

  it("refuses host root and IDs that are not IDs, naming the option", () => {
    expect(() => normalizeUserns({ hostUid: 0 })).toThrow(/^userns\.hostUid: 0 would map root inside/);
    expect(() => normalizeUserns({ hostGid: -1 })).toThrow(/^userns\.hostGid: -1 must be an integer/);
    expect(() => normalizeUserns({ hostUid: 2 ** 32 - 1 })).toThrow(/userns\.hostUid/);
    expect(() => normalizeUserns("yes")).toThrow(/^userns: "yes" must be true, false or/);
  });
});

describe("a spec with userns", () => {
  it("adds the user namespace first and keeps the mapping", () => {
    const s = spec({ userns: true });
    expect(s.namespaces).toEqual(["user", "pid", "mount", "uts", "ipc", "net"]);
    expect(s.userns).toEqual({ hostUid: 65534, hostGid: 65534 });
  });

  it("refuses /proc without a pid namespace, as the kernel would", () => {
    expect(() => spec({ userns: true, namespaces: ["mount"] })).toThrow(/add "pid" to namespaces/);
    expect(spec({ userns: true, namespaces: ["mount"], mountProc: false }).namespaces).toEqual([
      "user",
      "mount",
    ]);
  });

  it("keeps a default mapping in rootless mode as the caller's own, and refuses another uid", () => {
    expect(applyPrivilege(spec({ userns: true }), "rootless").userns).toBeUndefined();
    const other = (process.getuid?.() ?? 0) + 4242;
    expect(() => applyPrivilege(spec({ userns: { hostUid: other } }), "rootless")).toThrow(
      /cannot be mapped rootless/,
    );
  });
});

describe("launching and entering with userns", () => {
  it("drops to the host user after the cgroup join and before unshare maps root", () => {
    const plan = buildLaunchArgv(spec({ userns: { hostUid: 1500, hostGid: 1501 } }), {
      ...launch,
      dieWithLauncher: true,
      cgroupProcsFiles: ["/sys/fs/cgroup/nsbook-web/cgroup.procs"],
    });
    const drop = ["setpriv", "--reuid=1500", "--regid=1501", "--clear-groups", "--pdeathsig", "KILL", "--"];
    const at = plan.argv.indexOf("--reuid=1500") - 1;
    expect(plan.argv.slice(0, 3)).toEqual(["setpriv", "--pdeathsig", "KILL"]);
    expect(plan.argv.indexOf(CGROUP_JOIN_SCRIPT)).toBeLessThan(at);
    expect(plan.argv.slice(at, at + drop.length)).toEqual(drop);
    expect(plan.argv[at + drop.length]).toBe("unshare");
    expect(plan.argv).toContain("--map-root-user");
  });

  it("adds no parent-death signal to the drop for a detached container", () => {
    expect(dropToHostUserArgv({ hostUid: 7, hostGid: 8 }, false)).toEqual([
      "setpriv",
      "--reuid=7",
      "--regid=8",
      "--clear-groups",
      "--",
    ]);
  });

  it("enters as the namespace's owner, keeping its credentials", () => {
    const plan = buildExecArgv({
      mode: "root",
      initPid: 42,
      namespaces: ["user", "pid", "mount"],
      command: ["id"],
      env: {},
      userns: { hostUid: 65534, hostGid: 65534 },
    });
    expect(plan.argv.slice(0, 6)).toEqual([
      "setpriv",
      "--reuid=65534",
      "--regid=65534",
      "--clear-groups",
      "--",
      "nsenter",
    ]);
    expect(plan.argv).toContain("--preserve-credentials");
  });
});
