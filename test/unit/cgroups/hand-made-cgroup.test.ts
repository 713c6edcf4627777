import { describe, expect, it } from "vitest";
import { detectCgroupsFromFacts } from "../../../src/lib/cgroups/detect/index.js";
import { planHandCgroup } from "../../../src/lib/cgroups/index.js";
import { CgroupUnavailableError } from "../../../src/lib/cgroups/manager/index.js";
import type { CgroupDetection } from "../../../src/lib/cgroups/types.js";
import { type HostFixtureName, loadHostFixture } from "../../fixtures/hosts/load-host-fixture.js";

const host = (name: HostFixtureName): CgroupDetection => detectCgroupsFromFacts(loadHostFixture(name));

describe("planHandCgroup (notebook 06's cgroup made by hand)", () => {
  it("uses the v1 memory hierarchy and memory.limit_in_bytes on a hybrid host", () => {
    const hand = planHandCgroup(host("hybrid-v1-debian"), "nb06-by-hand", "100M");
    expect(hand.version).toBe(1);
    expect(hand.layout).toBe("hybrid");
    expect(hand.dir).toMatch(/^\/sys\/fs\/cgroup\/memory\/.*nsbook-nb06-by-hand$/);
    expect(hand.limitFile).toBe("memory.limit_in_bytes");
    expect(hand.eventsFile).toBe("memory.oom_control");
    expect(hand.leafDir).toBeUndefined();
  });

  it("uses the v1 memory hierarchy on a pure v1 host", () => {
    const hand = planHandCgroup(host("pure-v1-old-centos7"), "nb06-by-hand", "100M");
    expect(hand.version).toBe(1);
    expect(hand.limitFile).toBe("memory.limit_in_bytes");
  });

  it("uses memory.max below the caller's cgroup on cgroup v2", () => {
    const hand = planHandCgroup(host("pure-v2-root-cgroup-vm"), "nb06-by-hand", "100M");
    expect(hand.version).toBe(2);
    expect(hand.dir).toBe("/sys/fs/cgroup/nsbook-nb06-by-hand");
    expect(hand.limitFile).toBe("memory.max");
    expect(hand.eventsFile).toBe("memory.events");
  });

  it("goes beside the leaf, inside the delegated cgroup, when the kernel's processes must move first", () => {
    const hand = planHandCgroup(host("pure-v2-delegated-leaf-vm"), "nb06-by-hand", "100M");
    expect(hand.version).toBe(2);
    expect(hand.leafDir).toMatch(/\/nsbook-leaf$/);
    expect(hand.dir).toBe(hand.leafDir?.replace(/nsbook-leaf$/, "nsbook-nb06-by-hand"));
  });

  it("refuses, with the library's reason, where memory cannot be limited", () => {
    expect(() => planHandCgroup(host("wsl2-hybrid-no-memory-v1"), "nb06-by-hand", "100M")).toThrow(
      CgroupUnavailableError,
    );
  });
});
