import { describe, expect, it } from "vitest";
import {
  type CgroupFacts,
  type DirAccess,
  detectCgroupsFromFacts,
} from "../../../../src/lib/cgroups/detect/index.js";
import { CompositeManager } from "../../../../src/lib/cgroups/manager/composite-manager.js";
import {
  CgroupUnavailableError,
  managerForPlan,
  planCgroups,
} from "../../../../src/lib/cgroups/manager/index.js";
import type { CgroupDetection } from "../../../../src/lib/cgroups/types.js";
import { V1Manager } from "../../../../src/lib/cgroups/v1/index.js";
import { V2Manager } from "../../../../src/lib/cgroups/v2/index.js";
import { type HostFixtureName, loadHostFixture } from "../../../fixtures/hosts/load-host-fixture.js";

const host = (name: HostFixtureName): CgroupDetection => detectCgroupsFromFacts(loadHostFixture(name));

/**
 * The host with the caller's cgroup not delegated: its cgroup.procs and cgroup.subtree_control (and, unless
 * `dirs` says otherwise, its directory) are not writable.
 */
function notDelegated(name: HostFixtureName, options: { dirs?: DirAccess } = {}): CgroupDetection {
  const facts = loadHostFixture(name);
  const dirAccess = Object.fromEntries(
    Object.keys(facts.dirAccess).map((p) => [
      p,
      /\/cgroup\.(procs|subtree_control)$/.test(p)
        ? ("not-writable" as const)
        : (options.dirs ?? "not-writable"),
    ]),
  );
  return detectCgroupsFromFacts({ ...facts, dirAccess });
}

/**
 * The captured delegated leaf after nsbook moved its processes into nsbook-leaf and enabled cpu, memory and
 * pids there: /proc/self/cgroup names the leaf, the scope holds no process and lists the controllers.
 */
function movedIntoLeaf(facts: CgroupFacts): CgroupFacts {
  const scope = "/sys/fs/cgroup/user.slice/x.scope";
  return {
    ...facts,
    procSelfCgroup: "0::/user.slice/x.scope/nsbook-leaf\n",
    files: {
      ...facts.files,
      [`${scope}/cgroup.procs`]: "",
      [`${scope}/cgroup.subtree_control`]: "cpu memory pids\n",
    },
  };
}

function refusal(fn: () => unknown): CgroupUnavailableError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CgroupUnavailableError);
    return e as CgroupUnavailableError;
  }
  throw new Error("expected a CgroupUnavailableError");
}

describe("planCgroups on a hybrid v1 host (this project's VM)", () => {
  const d = host("hybrid-v1-debian");

  it("puts one directory per v1 hierarchy below the caller's cgroup there, and nothing on v2", () => {
    const plan = planCgroups(d, "nsbook-web", ["memory", "cpu", "pids"]);
    expect(plan.v2).toBeUndefined();
    expect(plan.v1.map((c) => c.controller)).toEqual(["memory", "cpu", "cpuacct", "pids"]);
    expect(plan.v1.find((c) => c.controller === "memory")?.dir).toMatch(
      /^\/sys\/fs\/cgroup\/memory\/process_api\/[^/]+\/nsbook-web$/,
    );
    expect(plan.v1.find((c) => c.controller === "cpu")?.dir).toBe("/sys/fs/cgroup/cpu/nsbook-web");
    expect(managerForPlan(plan)).toBeInstanceOf(V1Manager);
  });

  it("gives one cgroup.procs per hierarchy to enter", () => {
    const m = managerForPlan(planCgroups(d, "nsbook-web"));
    expect(m.procsFiles).toHaveLength(4);
    expect(m.procsFiles.every((f) => f.endsWith("/nsbook-web/cgroup.procs"))).toBe(true);
  });
});

describe("planCgroups on pure v2", () => {
  it("uses one directory below the caller's cgroup in the root cgroup", () => {
    const plan = planCgroups(host("pure-v2-root-cgroup-vm"), "nsbook-web", ["memory", "cpu", "pids"]);
    expect(plan.v1).toEqual([]);
    expect(plan.v2).toEqual({
      dir: "/sys/fs/cgroup/nsbook-web",
      controllers: ["memory", "cpu", "cpuacct", "pids"],
    });
    expect(managerForPlan(plan)).toBeInstanceOf(V2Manager);
  });

  it("in a delegated leaf that holds processes: plans the move into nsbook-leaf and the containers beside it", () => {
    const plan = planCgroups(host("pure-v2-delegated-leaf-vm"), "nsbook-web", ["memory", "cpu", "pids"]);
    expect(plan.v2).toEqual({
      dir: "/sys/fs/cgroup/user.slice/x.scope/nsbook-web",
      controllers: ["memory", "cpu", "cpuacct", "pids"],
      leafDir: "/sys/fs/cgroup/user.slice/x.scope/nsbook-leaf",
    });
    const m = managerForPlan(plan) as V2Manager;
    expect(m).toBeInstanceOf(V2Manager);
    expect(m.leafDir).toBe("/sys/fs/cgroup/user.slice/x.scope/nsbook-leaf");
  });

  it("once the caller lives in nsbook-leaf: the containers still go beside it, in the delegated cgroup", () => {
    const d = detectCgroupsFromFacts(movedIntoLeaf(loadHostFixture("pure-v2-delegated-leaf-vm")));
    expect(d.v2CallerPath).toBe("/user.slice/x.scope/nsbook-leaf");
    const memory = d.controllers.find((c) => c.controller === "memory");
    expect(memory).toMatchObject({
      usable: true,
      parentDir: "/sys/fs/cgroup/user.slice/x.scope",
      enabledForChildren: true,
      leafDir: "/sys/fs/cgroup/user.slice/x.scope/nsbook-leaf",
    });
    expect(memory?.note).toMatch(/this cgroup's processes are in .*nsbook-leaf, where nsbook moved them/);
    expect(planCgroups(d, "nsbook-web", ["memory"]).v2?.dir).toBe(
      "/sys/fs/cgroup/user.slice/x.scope/nsbook-web",
    );
    // A controller the first move did not enable (io here) is enabled the same way, never below the leaf.
    expect(d.controllers.find((c) => c.controller === "io")).toMatchObject({
      usable: true,
      enabledForChildren: false,
      parentDir: "/sys/fs/cgroup/user.slice/x.scope",
    });
  });

  it("refuses a memory limit in a leaf with processes that is not delegated, with detection's reason and fix", () => {
    const e = refusal(() => planCgroups(notDelegated("pure-v2-delegated-leaf-vm"), "nsbook-web", ["memory"]));
    expect(e.controller).toBe("memory");
    expect(e.message).toMatch(/no-internal-processes/);
    expect(e.fix).toMatch(/run nsbook as root: `sudo nsbook \.\.\.`/);
    expect(e.message).toContain(`fix: ${e.fix}`);
    expect(e.hint).toBe(e.fix);
  });

  it("still gives a container without limits a v2 cgroup in such a leaf (CPU usage and cgroup.kill need no controller)", () => {
    const d = notDelegated("pure-v2-delegated-leaf-vm", { dirs: "writable" });
    const plan = planCgroups(d, "nsbook-web");
    expect(plan.v2?.dir).toBe(`/sys/fs/cgroup${d.v2CallerPath}/nsbook-web`);
    expect(plan.v2?.controllers).toEqual(["cpuacct"]);
    expect(plan.v2?.leafDir).toBeUndefined();
    expect(plan.unavailable.map((u) => u.controller)).toEqual(["memory", "cpu", "pids"]);
  });
});

describe("planCgroups elsewhere", () => {
  it("uses v1 for cpu and pids and v2 for memory on a WSL2 hybrid without v1 memory, or explains", () => {
    const d = host("wsl2-hybrid-no-memory-v1");
    const memory = d.controllers.find((c) => c.controller === "memory");
    if (memory?.usable) {
      const plan = planCgroups(d, "nsbook-web", ["memory", "cpu"]);
      expect(plan.v2?.controllers).toContain("memory");
      expect(plan.v1.map((c) => c.controller)).toContain("cpu");
      expect(managerForPlan(plan)).toBeInstanceOf(CompositeManager);
    } else {
      expect(refusal(() => planCgroups(d, "nsbook-web", ["memory"])).whyNot).toBe(memory?.whyNot);
    }
  });

  it("shares one directory between co-mounted cpu and cpuacct (CentOS 7)", () => {
    const plan = planCgroups(host("pure-v1-old-centos7"), "nsbook-web");
    const cpu = plan.v1.find((c) => c.controller === "cpu")?.dir;
    expect(cpu).toBeDefined();
    expect(plan.v1.find((c) => c.controller === "cpuacct")?.dir).toBe(cpu);
    expect(new Set(managerForPlan(plan).dirs).size).toBe(managerForPlan(plan).dirs.length);
  });

  it("refuses limits in an unprivileged container and says how to start it", () => {
    const e = refusal(() => planCgroups(host("docker-unprivileged-v2"), "nsbook-web", ["pids"]));
    expect(e.message).toMatch(/pids/);
    expect(e.fix).toBeTruthy();
  });

  it("never enables a controller in a cgroup it did not create: it asks the user to", () => {
    const d = host("pure-v2-root-cgroup-vm");
    const patched: CgroupDetection = {
      ...d,
      controllers: d.controllers.map((c) =>
        c.controller === "pids" ? { ...c, needsEnable: true, enabledForChildren: false } : c,
      ),
    };
    const e = refusal(() => planCgroups(patched, "nsbook-web", ["pids"]));
    expect(e.fix).toBe("echo +pids | sudo tee /sys/fs/cgroup/cgroup.subtree_control");
    expect(planCgroups(patched, "nsbook-web").v2?.controllers).not.toContain("pids");
  });
});
