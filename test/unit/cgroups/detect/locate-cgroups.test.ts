import { describe, expect, it } from "vitest";
import {
  cgroupDirOf,
  cgroupReadPlan,
  decideLayout,
  findCgroupMounts,
  locateCgroups,
  pathWithinMount,
} from "../../../../src/lib/cgroups/detect/index.js";
import { parseMountInfo } from "../../../../src/lib/proc/index.js";
import { type HostFixtureName, loadHostFixture } from "../../../fixtures/hosts/load-host-fixture.js";

const locate = (name: HostFixtureName) => {
  const facts = loadHostFixture(name);
  return locateCgroups(facts.mountinfo, facts.procSelfCgroup);
};

describe("decideLayout", () => {
  it.each([
    ["hybrid-v1-debian", "hybrid"],
    ["wsl2-hybrid-no-memory-v1", "hybrid"],
    ["pure-v2-root-cgroup-vm", "v2"],
    ["pure-v2-delegated-leaf-vm", "v2"],
    ["pure-v2-ubuntu-systemd-user", "v2"],
    ["docker-unprivileged-v2", "v2"],
    ["pure-v1-old-centos7", "v1"],
  ] as const)("calls %s %s, from the mount table", (name, layout) => {
    expect(locate(name).layout).toBe(layout);
  });

  it("does not take a 0:: line in /proc/self/cgroup for pure v2", () => {
    const facts = loadHostFixture("hybrid-v1-debian");
    expect(facts.procSelfCgroup).toMatch(/^0::\//m);
    expect(locateCgroups(facts.mountinfo, facts.procSelfCgroup).layout).toBe("hybrid");
  });

  it("says none when nothing of type cgroup or cgroup2 is mounted", () => {
    const mounts = parseMountInfo("27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n");
    expect(decideLayout(findCgroupMounts(mounts))).toBe("none");
  });

  it("calls a cgroup2 mount outside /sys/fs/cgroup, with no v1 beside it, v2", () => {
    const mounts = parseMountInfo("40 1 0:40 / /mnt/cg rw,relatime - cgroup2 cgroup2 rw\n");
    expect(decideLayout(findCgroupMounts(mounts))).toBe("v2");
  });
});

describe("findCgroupMounts", () => {
  it("prefers the mount under /sys/fs/cgroup when a hierarchy is mounted twice", () => {
    const mounts = parseMountInfo(
      [
        "40 1 0:40 / /mnt/memory rw,relatime - cgroup cgroup rw,memory",
        "41 1 0:40 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory",
      ].join("\n"),
    );
    const found = findCgroupMounts(mounts);
    expect(found.v1.map((m) => m.mountPoint)).toEqual(["/sys/fs/cgroup/memory"]);
  });

  it("uses /sys/fs/cgroup/unified as the v2 mount of a hybrid host", () => {
    expect(locate("hybrid-v1-debian").v2?.mount.mountPoint).toBe("/sys/fs/cgroup/unified");
  });
});

describe("locateCgroups", () => {
  it("finds this host's own memory cgroup on v1", () => {
    const memory = locate("hybrid-v1-debian").v1.find((h) => h.controllers.includes("memory"));
    expect(memory?.callerPath).toMatch(/^\/process_api\/[0-9a-f]+$/);
    expect(memory?.dir).toBe(`/sys/fs/cgroup/memory${memory?.callerPath}`);
  });

  it("reads co-mounted controllers from the super options, ignoring seclabel and name=", () => {
    const located = locate("pure-v1-old-centos7");
    const cpu = located.v1.find((h) => h.controllers.includes("cpu"));
    expect(cpu?.controllers.sort()).toEqual(["cpu", "cpuacct"]);
    expect(cpu?.dir).toBe("/sys/fs/cgroup/cpu,cpuacct/user.slice");
    const systemd = located.v1.find((h) => h.mount.mountPoint === "/sys/fs/cgroup/systemd");
    expect(systemd?.controllers).toEqual([]);
    expect(systemd?.callerPath).toBe("/user.slice/user-1000.slice/session-1.scope");
  });

  it("places the caller of a delegated leaf in its own directory", () => {
    expect(locate("pure-v2-delegated-leaf-vm").v2?.dir).toBe("/sys/fs/cgroup/user.slice/x.scope");
  });
});

describe("pathWithinMount and cgroupDirOf", () => {
  it("keeps the path when the whole hierarchy is mounted", () => {
    expect(pathWithinMount("/user.slice/x.scope", "/")).toBe("/user.slice/x.scope");
  });

  it("strips the mounted subtree of a bind-mounted container cgroup", () => {
    expect(pathWithinMount("/docker/abc", "/docker/abc")).toBe("/");
    expect(pathWithinMount("/docker/abc/app", "/docker/abc")).toBe("/app");
    expect(cgroupDirOf("/sys/fs/cgroup/memory", "/")).toBe("/sys/fs/cgroup/memory");
    expect(cgroupDirOf("/sys/fs/cgroup/memory", "/app")).toBe("/sys/fs/cgroup/memory/app");
  });

  it("gives nothing for a cgroup outside the mounted subtree", () => {
    expect(pathWithinMount("/docker/other", "/docker/abc")).toBeUndefined();
    expect(pathWithinMount("/docker/abcdef", "/docker/abc")).toBeUndefined();
    expect(pathWithinMount("/../../user.slice", "/")).toBeUndefined();
  });
});

describe("cgroupReadPlan", () => {
  it("asks for the v2 top, the caller's cgroup and its parent, and the caller's directories and delegation files", () => {
    const plan = cgroupReadPlan(locate("pure-v2-delegated-leaf-vm"));
    expect(plan.files).toEqual([
      "/sys/fs/cgroup/cgroup.controllers",
      "/sys/fs/cgroup/user.slice/x.scope/cgroup.controllers",
      "/sys/fs/cgroup/user.slice/x.scope/cgroup.subtree_control",
      "/sys/fs/cgroup/user.slice/x.scope/cgroup.procs",
      "/sys/fs/cgroup/user.slice/x.scope/cgroup.events",
      "/sys/fs/cgroup/user.slice/cgroup.controllers",
      "/sys/fs/cgroup/user.slice/cgroup.subtree_control",
      "/sys/fs/cgroup/user.slice/cgroup.procs",
      "/sys/fs/cgroup/user.slice/cgroup.events",
    ]);
    expect(plan.dirs).toEqual([
      "/sys/fs/cgroup/user.slice/x.scope",
      "/sys/fs/cgroup/user.slice/x.scope/cgroup.procs",
      "/sys/fs/cgroup/user.slice/x.scope/cgroup.subtree_control",
    ]);
  });

  it("reads no parent when the caller is at the top of the mount", () => {
    const plan = cgroupReadPlan(locate("pure-v2-root-cgroup-vm"));
    expect(plan.files.every((f) => f.startsWith("/sys/fs/cgroup/cgroup."))).toBe(true);
  });

  it("checks writability of every v1 hierarchy with controllers, not of name=systemd", () => {
    const plan = cgroupReadPlan(locate("pure-v1-old-centos7"));
    expect(plan.dirs).toContain("/sys/fs/cgroup/memory/user.slice");
    expect(plan.dirs.some((d) => d.includes("/systemd"))).toBe(false);
    expect(plan.files).toEqual([]);
  });
});
