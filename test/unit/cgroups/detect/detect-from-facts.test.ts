import { describe, expect, it } from "vitest";
import { type CgroupFacts, detectCgroupsFromFacts } from "../../../../src/lib/cgroups/detect/index.js";
import type { ControllerName, ControllerPlacement } from "../../../../src/lib/cgroups/types.js";
import { type HostFixtureName, loadHostFixture } from "../../../fixtures/hosts/load-host-fixture.js";

const detect = (facts: CgroupFacts) => detectCgroupsFromFacts(facts);

function placement(facts: CgroupFacts, controller: ControllerName): ControllerPlacement {
  const found = detect(facts).controllers.find((c) => c.controller === controller);
  if (!found) throw new Error(`no placement for ${controller}`);
  return found;
}

const fixture = (name: HostFixtureName) => loadHostFixture(name);

describe("hybrid v1 host (this project's VM, captured)", () => {
  const facts = fixture("hybrid-v1-debian");

  it("serves memory, cpu, cpuacct and pids from v1 and puts memory below the caller's own cgroup", () => {
    const d = detect(facts);
    expect(d.layout).toBe("hybrid");
    for (const c of ["memory", "cpu", "cpuacct", "pids"] as const) {
      expect(placement(facts, c)).toMatchObject({
        version: 1,
        mountPoint: `/sys/fs/cgroup/${c}`,
        usable: true,
      });
    }
    expect(placement(facts, "memory").callerPath).toMatch(/^\/process_api\//);
    expect(placement(facts, "memory").parentDir).toMatch(/^\/sys\/fs\/cgroup\/memory\/process_api\//);
  });

  it("finds io under its v1 name blkio", () => {
    expect(placement(facts, "io")).toMatchObject({
      version: 1,
      mountPoint: "/sys/fs/cgroup/blkio",
      usable: true,
    });
  });

  it("reports the v2 side: unified mount, caller in its root cgroup, only hugetlb there", () => {
    const d = detect(facts);
    expect(d.v2MountPoint).toBe("/sys/fs/cgroup/unified");
    expect(d.v2CallerPath).toBe("/");
    expect(d.v2CallerIsRoot).toBe(true);
    expect(d.v2Controllers).toEqual(["hugetlb"]);
  });

  it("warns that a v1 cpuset child starts empty", () => {
    expect(placement(facts, "cpuset").note).toMatch(/cpuset\.cpus/);
  });

  it("says a non-root user may not create cgroups there and to use sudo", () => {
    const asUser: CgroupFacts = {
      ...facts,
      uid: 1000,
      dirAccess: Object.fromEntries(Object.keys(facts.dirAccess).map((d) => [d, "not-writable" as const])),
    };
    const memory = placement(asUser, "memory");
    expect(memory.usable).toBe(false);
    expect(memory.problems).toEqual(["no-permission"]);
    expect(memory.whyNot).toMatch(
      /uid 1000 may not create cgroups in \/sys\/fs\/cgroup\/memory\/process_api\//,
    );
    expect(memory.fix).toMatch(/sudo nsbook/);
  });
});

describe("pure v2, root cgroup (cgroup2 VM, captured)", () => {
  const facts = fixture("pure-v2-root-cgroup-vm");

  it("serves every controller from /sys/fs/cgroup, usable without enabling anything", () => {
    const d = detect(facts);
    expect(d.layout).toBe("v2");
    expect(d.v2CallerIsRoot).toBe(true);
    for (const c of d.controllers) {
      expect(c).toMatchObject({
        version: 2,
        mountPoint: "/sys/fs/cgroup",
        parentDir: "/sys/fs/cgroup",
        usable: true,
      });
      expect(c.needsEnable).toBeUndefined();
    }
  });

  it("says cgroup v2 has no cpuacct and cpu.stat serves it", () => {
    expect(placement(facts, "cpuacct").note).toMatch(/no cpuacct controller.*cpu\.stat/);
    expect(placement(facts, "freezer").note).toMatch(/cgroup\.freeze/);
  });

  it("asks the user to enable a controller the root cgroup has not enabled yet (the root is exempt)", () => {
    const notEnabled: CgroupFacts = {
      ...facts,
      files: { ...facts.files, "/sys/fs/cgroup/cgroup.subtree_control": "cpu pids\n" },
    };
    const memory = placement(notEnabled, "memory");
    expect(memory).toMatchObject({
      usable: false,
      needsEnable: true,
      enabledForChildren: false,
      problems: ["not-enabled"],
    });
    expect(memory.fix).toBe("echo +memory | sudo tee /sys/fs/cgroup/cgroup.subtree_control");
    expect(placement(notEnabled, "cpu")).toMatchObject({ usable: true, enabledForChildren: true });
  });

  it("says when the kernel has no such controller at all", () => {
    const noMemory: CgroupFacts = {
      ...facts,
      files: { ...facts.files, "/sys/fs/cgroup/cgroup.controllers": "cpu io pids\n" },
    };
    const memory = placement(noMemory, "memory");
    expect(memory).toMatchObject({ version: "none", usable: false, problems: ["not-present"] });
    expect(memory.fix).toMatch(/grep -w memory \/proc\/cgroups/);
  });
});

describe("pure v2, delegated non-root leaf (cgroup2 VM with QV2_CGROUP, captured)", () => {
  const facts = fixture("pure-v2-delegated-leaf-vm");

  it("finds the controllers usable once nsbook moves the cgroup's processes into nsbook-leaf (it is writable)", () => {
    const memory = placement(facts, "memory");
    expect(memory).toMatchObject({
      version: 2,
      callerPath: "/user.slice/x.scope",
      parentDir: "/sys/fs/cgroup/user.slice/x.scope",
      usable: true,
      availableToCaller: true,
      enabledForChildren: false,
      problems: [],
      leafDir: "/sys/fs/cgroup/user.slice/x.scope/nsbook-leaf",
    });
    expect(memory.note).toMatch(
      /nsbook will move this cgroup's processes into \/sys\/fs\/cgroup\/user\.slice\/x\.scope\/nsbook-leaf first/,
    );
  });

  // The same cgroup, not delegated to us: nsbook may not move its processes.
  const notDelegated: CgroupFacts = {
    ...facts,
    dirAccess: Object.fromEntries(Object.keys(facts.dirAccess).map((d) => [d, "not-writable" as const])),
  };

  it("refuses when the cgroup is not delegated (not writable), with the delegated scope as the fix", () => {
    const memory = placement(notDelegated, "memory");
    expect(memory).toMatchObject({ usable: false, problems: ["no-permission", "internal-processes"] });
    expect(memory.leafDir).toBeUndefined();
    expect(memory.whyNot).toMatch(/no-internal-processes rule.*EBUSY.*only in a cgroup delegated to you/);
    expect(memory.fix).toMatch(/`sudo nsbook \.\.\.`.*`\.\/setup\.sh --kernel-root=yes`/);
    expect(memory.fix).toMatch(/echo \$\$ > \/sys\/fs\/cgroup\/cgroup\.procs/);
  });

  it("explains that a threaded controller would only be accepted by turning the cgroup into a thread root", () => {
    const cpu = placement(notDelegated, "cpu");
    expect(cpu.problems).toEqual(["no-permission", "internal-processes"]);
    expect(cpu.whyNot).toMatch(
      /cpu is a threaded controller: .*threaded subtree whose children hold threads/,
    );
    expect(cpu.whyNot).not.toMatch(/EBUSY/);
  });

  it("still lets core files serve cpuacct: creating a child cgroup is allowed", () => {
    expect(placement(facts, "cpuacct")).toMatchObject({ usable: true, enabledForChildren: true });
  });

  it("knows the caller is not in the root cgroup (its directory has cgroup.events)", () => {
    expect(detect(facts).v2CallerIsRoot).toBe(false);
  });

  // The same host under systemd: a session's scope is systemd's, a scope nsbook started is nsbook's.
  const underSystemd = (scope: string): CgroupFacts =>
    JSON.parse(JSON.stringify({ ...facts, systemdManaged: true }).replaceAll("/user.slice/x.scope", scope));

  it("on a systemd host neither creates cgroups in nor moves processes out of a session's scope", () => {
    const memory = placement(underSystemd("/user.slice/user-1001.slice/session-3.scope"), "memory");
    expect(memory).toMatchObject({ usable: false, problems: ["systemd-owned"] });
    expect(memory.leafDir).toBeUndefined();
    expect(memory.whyNot).toMatch(
      /session-3\.scope is one of its units .* only inside a systemd scope it started with Delegate=yes/,
    );
    expect(memory.fix).toMatch(/sudo systemd-run --scope -p Delegate=yes --unit nsbook-mine/);
    expect(
      placement(underSystemd("/user.slice/user-1001.slice/session-3.scope"), "cpuacct").problems,
    ).toEqual(["systemd-owned"]);
  });

  it("on a systemd host uses the scope nsbook started with Delegate=yes, moving its processes into nsbook-leaf", () => {
    const scope = "/system.slice/nsbook-kernel-ab12cd34-4242.scope";
    expect(placement(underSystemd(scope), "memory")).toMatchObject({
      usable: true,
      problems: [],
      leafDir: `/sys/fs/cgroup${scope}/nsbook-leaf`,
    });
  });
});

describe("pure v2, Ubuntu 24.04 ssh session (hand-written)", () => {
  it("as the user: no permission on session-3.scope and the no-internal-processes rule", () => {
    const memory = placement(fixture("pure-v2-ubuntu-systemd-user"), "memory");
    expect(memory.usable).toBe(false);
    expect(memory.problems).toEqual(["no-permission", "internal-processes"]);
    expect(memory.fix).toMatch(
      /sudo nsbook.*; and run nsbook as root: `sudo nsbook \.\.\.`, and for the course let \.\/setup\.sh grant the kernel root/,
    );
  });

  it("says which file enables a controller the parent did not delegate", () => {
    const io = placement(fixture("pure-v2-ubuntu-systemd-sudo"), "io");
    expect(io.problems).toEqual(["not-delegated"]);
    expect(io.whyNot).toMatch(
      /io is not enabled for your cgroup .*session-3\.scope: \/sys\/fs\/cgroup\/user\.slice\/user-1000\.slice\/cgroup\.subtree_control does not list it/,
    );
    expect(io.fix).toMatch(
      /^echo \+io \| sudo tee \/sys\/fs\/cgroup\/user\.slice\/user-1000\.slice\/cgroup\.subtree_control/,
    );
  });

  it("adds that the parent would answer EBUSY when it holds processes itself", () => {
    const facts = fixture("pure-v2-ubuntu-systemd-sudo");
    const busyParent: CgroupFacts = {
      ...facts,
      files: { ...facts.files, "/sys/fs/cgroup/user.slice/user-1000.slice/cgroup.procs": "901\n" },
    };
    expect(placement(busyParent, "io").fix).toMatch(/holds processes itself.*Device or resource busy/);
  });

  it("through sudo: writable, so usable once nsbook moves the session's processes into nsbook-leaf", () => {
    const memory = placement(fixture("pure-v2-ubuntu-systemd-sudo"), "memory");
    expect(memory).toMatchObject({
      usable: true,
      problems: [],
      leafDir: "/sys/fs/cgroup/user.slice/user-1000.slice/session-3.scope/nsbook-leaf",
    });
  });
});

describe("pure v1, CentOS 7 (hand-written)", () => {
  const facts = fixture("pure-v1-old-centos7");

  it("serves cpu and cpuacct from one co-mounted hierarchy", () => {
    for (const c of ["cpu", "cpuacct"] as const) {
      expect(placement(facts, c)).toMatchObject({
        version: 1,
        mountPoint: "/sys/fs/cgroup/cpu,cpuacct",
        parentDir: "/sys/fs/cgroup/cpu,cpuacct/user.slice",
        hierarchyControllers: ["cpuacct", "cpu"],
        usable: true,
      });
    }
  });

  it("has no v2 side at all", () => {
    const d = detect(facts);
    expect(d.layout).toBe("v1");
    expect(d.v2MountPoint).toBeUndefined();
    expect(d.v2CallerPath).toBeUndefined();
    expect(d.inCgroupNamespace).toBeUndefined();
  });

  it("ignores the read-only tmpfs at /sys/fs/cgroup: only cgroup mounts matter", () => {
    expect(placement(facts, "memory").usable).toBe(true);
  });

  it("says a read-only v1 mount is a container without privileges", () => {
    const ro: CgroupFacts = {
      ...facts,
      mountinfo: facts.mountinfo.replace(
        "/sys/fs/cgroup/memory rw,nosuid",
        "/sys/fs/cgroup/memory ro,nosuid",
      ),
      dirAccess: { ...facts.dirAccess, "/sys/fs/cgroup/memory/user.slice": "not-writable" },
    };
    const memory = placement(ro, "memory");
    expect(memory.problems).toEqual(["read-only"]);
    expect(memory.fix).toMatch(/--privileged --cgroupns=host/);
  });

  it("says when the caller's directory is missing", () => {
    const missing: CgroupFacts = {
      ...facts,
      dirAccess: { ...facts.dirAccess, "/sys/fs/cgroup/memory/user.slice": "missing" },
    };
    expect(placement(missing, "memory").problems).toEqual(["missing-dir"]);
  });

  it("says when /proc/self/cgroup names no cgroup in a hierarchy", () => {
    const noLine: CgroupFacts = {
      ...facts,
      procSelfCgroup: facts.procSelfCgroup.replace(/^4:memory:.*\n/m, ""),
    };
    expect(placement(noLine, "memory")).toMatchObject({ usable: false, problems: ["no-caller-cgroup"] });
  });

  it("says when the caller's cgroup is outside a bind-mounted subtree", () => {
    const bound: CgroupFacts = {
      ...facts,
      mountinfo: facts.mountinfo.replace(
        "30 25 0:25 / /sys/fs/cgroup/memory",
        "30 25 0:25 /docker/abc /sys/fs/cgroup/memory",
      ),
    };
    const memory = placement(bound, "memory");
    expect(memory.problems).toEqual(["outside-mount"]);
    expect(memory.parentDir).toBeUndefined();
    expect(memory.whyNot).toMatch(/mounts \/docker\/abc of the hierarchy/);
  });

  it("says root cannot write where a security module or a container forbids it", () => {
    const denied: CgroupFacts = {
      ...facts,
      dirAccess: { ...facts.dirAccess, "/sys/fs/cgroup/pids/user.slice": "not-writable" },
    };
    expect(placement(denied, "pids").whyNot).toMatch(/even root may not create cgroups/);
  });
});

describe("WSL2 kernel without the v1 memory controller (hand-written)", () => {
  const facts = fixture("wsl2-hybrid-no-memory-v1");

  it("finds memory on the v2 side of the hybrid while cpu stays on v1", () => {
    expect(placement(facts, "memory")).toMatchObject({ version: 2, mountPoint: "/sys/fs/cgroup/unified" });
    expect(placement(facts, "cpu")).toMatchObject({ version: 1, mountPoint: "/sys/fs/cgroup/cpu" });
  });

  it("as root, memory on the unified root cgroup needs one write to its subtree_control", () => {
    const asRoot: CgroupFacts = {
      ...facts,
      uid: 0,
      dirAccess: Object.fromEntries(Object.keys(facts.dirAccess).map((d) => [d, "writable" as const])),
    };
    const memory = placement(asRoot, "memory");
    expect(memory).toMatchObject({ usable: false, needsEnable: true, problems: ["not-enabled"] });
    expect(memory.fix).toBe("echo +memory | sudo tee /sys/fs/cgroup/unified/cgroup.subtree_control");
    expect(placement(asRoot, "cpu")).toMatchObject({ version: 1, usable: true });
  });

  it("points to .wslconfig when memory is nowhere", () => {
    const nowhere: CgroupFacts = {
      ...facts,
      files: { ...facts.files, "/sys/fs/cgroup/unified/cgroup.controllers": "\n" },
    };
    const memory = placement(nowhere, "memory");
    expect(memory).toMatchObject({ version: "none", usable: false, problems: ["not-present"] });
    expect(memory.whyNot).toMatch(/WSL2 kernels are built without the v1 memory controller/);
    expect(memory.fix).toMatch(/kernelCommandLine = cgroup_no_v1=all.*\.wslconfig.*wsl --shutdown/);
  });
});

describe("container without privileges on a v2 host (hand-written)", () => {
  const facts = fixture("docker-unprivileged-v2");

  it("says the cgroupfs is read-only and the namespace top holds processes", () => {
    const memory = placement(facts, "memory");
    expect(memory.problems).toEqual(["read-only", "internal-processes"]);
    expect(memory.whyNot).toMatch(/mounted read-only.*container started without privileges/);
    expect(memory.whyNot).toMatch(/top of a cgroup namespace/);
    expect(memory.fix).toMatch(/--privileged --cgroupns=host/);
  });

  it("knows the namespace top is not the root cgroup (it has cgroup.events)", () => {
    expect(detect(facts).v2CallerIsRoot).toBe(false);
  });
});

describe("no cgroup filesystem", () => {
  it("reports layout none and says how to mount cgroup2", () => {
    const facts: CgroupFacts = {
      mountinfo: "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n",
      procSelfCgroup: "",
      files: {},
      dirAccess: {},
      uid: 0,
    };
    const d = detect(facts);
    expect(d.layout).toBe("none");
    expect(d.controllers.every((c) => c.version === "none" && !c.usable)).toBe(true);
    expect(d.controllers[0]?.fix).toMatch(/mount -t cgroup2/);
  });
});

describe("cgroup namespace", () => {
  it("is reported when the caller's namespace differs from PID 1's", () => {
    const facts = fixture("pure-v2-root-cgroup-vm");
    expect(detect(facts).inCgroupNamespace).toBe(false);
    const inNs = { ...facts, cgroupNamespace: { self: "cgroup:[4026532999]", init: "cgroup:[4026531835]" } };
    expect(detect(inNs).inCgroupNamespace).toBe(true);
  });

  it("is unknown when PID 1's link cannot be read", () => {
    expect(detect(fixture("hybrid-v1-debian")).inCgroupNamespace).toBeUndefined();
  });
});

describe("every captured host", () => {
  it.each([
    "hybrid-v1-debian",
    "pure-v2-root-cgroup-vm",
    "pure-v2-delegated-leaf-vm",
    "pure-v2-ubuntu-systemd-user",
    "pure-v2-ubuntu-systemd-sudo",
    "pure-v1-old-centos7",
    "wsl2-hybrid-no-memory-v1",
    "docker-unprivileged-v2",
  ] as const)("%s: every unusable controller says why and how to fix it", (name) => {
    for (const c of detect(fixture(name)).controllers) {
      if (c.usable) {
        expect(c.problems).toEqual([]);
        expect(c.whyNot).toBeUndefined();
      } else {
        expect(c.problems?.length).toBeGreaterThan(0);
        expect(c.whyNot).toBeTruthy();
        expect(c.fix).toBeTruthy();
      }
    }
  });
});
