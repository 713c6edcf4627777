// Cgroup detection checked against the kernel itself: every controller it calls usable really gets its
// files in a cgroup created below the caller's own; every v2 controller it blocks for the
// no-internal-processes rule really answers EBUSY. Runs on this host (hybrid v1) and in the cgroup v2 VM,
// in the root cgroup and in a leaf (`QV2_CGROUP=/user.slice/x.scope`):
//   ../shared/tools/cgroup2-vm/run-in-v2.sh 'npx vitest run --project integration test/integration/doctor'
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectCgroupsSync, V2_THREADED } from "../../../src/lib/cgroups/detect/index.js";
import type { ControllerName } from "../../../src/lib/cgroups/types.js";
import { describeWhen, needRoot } from "../../support/requirements.js";

const detection = detectCgroupsSync();
const CHILD = `nsbook-doctor-${process.pid}`;
const made: string[] = [];

/** A file each controller puts into a child cgroup, per version. */
const CONTROLLER_FILE: Record<ControllerName, { 1: string; 2: string }> = {
  memory: { 1: "memory.limit_in_bytes", 2: "memory.max" },
  cpu: { 1: "cpu.cfs_quota_us", 2: "cpu.max" },
  cpuacct: { 1: "cpuacct.usage", 2: "cpu.stat" },
  pids: { 1: "pids.max", 2: "pids.max" },
  cpuset: { 1: "cpuset.cpus", 2: "cpuset.cpus" },
  io: { 1: "blkio.reset_stats", 2: "io.stat" },
  freezer: { 1: "freezer.state", 2: "cgroup.freeze" },
};

afterAll(() => {
  for (const dir of made.reverse()) if (existsSync(dir)) rmdirSync(dir);
});

describeWhen(needRoot(), "cgroup detection agrees with the kernel", () => {
  it("decides the layout the way statfs sees /sys/fs/cgroup", () => {
    const fsType = execFileSync("stat", ["-f", "-c", "%T", "/sys/fs/cgroup"], { encoding: "utf8" }).trim();
    if (fsType === "cgroup2fs") expect(detection.layout).toBe("v2");
    else if (existsSync("/sys/fs/cgroup/unified/cgroup.controllers")) expect(detection.layout).toBe("hybrid");
    else expect(["v1", "none"]).toContain(detection.layout);
  });

  // A controller nsbook makes usable by first moving the cgroup's processes into nsbook-leaf (leafDir, not yet
  // enabled) is only enabled once a container needs it: the cgroup integration tests check that move.
  const usable = detection.controllers.filter(
    (p) => p.usable && p.parentDir && p.version !== "none" && (!p.leafDir || p.enabledForChildren),
  );
  it.each(usable.map((p) => [p.controller, p] as const))(
    "%s: a child of the caller's cgroup gets the controller's file",
    (controller, p) => {
      const dir = join(p.parentDir as string, CHILD);
      if (!existsSync(dir)) {
        mkdirSync(dir);
        made.push(dir);
      }
      expect(existsSync(join(dir, CONTROLLER_FILE[controller][p.version as 1 | 2]))).toBe(true);
    },
  );

  // Only domain controllers: a threaded one (cpu, pids, cpuset) would be accepted, turning the caller's
  // cgroup into a threaded subtree root - a change to a cgroup we did not create.
  const busy = detection.controllers.filter(
    (p) => p.problems?.includes("internal-processes") && !V2_THREADED.has(p.controller),
  );
  it.each(busy.map((p) => [p.controller, p] as const))(
    "%s: the kernel refuses to enable it below a cgroup with processes (EBUSY), as detection says",
    (controller, p) => {
      // This write cannot succeed (this very process is in that cgroup), so it changes nothing.
      const file = join(p.parentDir as string, "cgroup.subtree_control");
      expect(() => writeFileSync(file, `+${controller}`)).toThrow(expect.objectContaining({ code: "EBUSY" }));
    },
  );

  it("on this project's hybrid VM: memory, cpu and pids on v1, memory in the caller's own cgroup", () => {
    if (detection.layout !== "hybrid") return;
    const memory = detection.controllers.find((p) => p.controller === "memory");
    const own = /^\d+:memory:(.*)$/m.exec(
      execFileSync("cat", ["/proc/self/cgroup"], { encoding: "utf8" }),
    )?.[1];
    expect(memory).toMatchObject({
      version: 1,
      mountPoint: "/sys/fs/cgroup/memory",
      callerPath: own,
      usable: true,
    });
    for (const c of ["cpu", "pids"]) {
      expect(detection.controllers.find((p) => p.controller === c)).toMatchObject({
        version: 1,
        usable: true,
      });
    }
  });
});

describe("cgroup detection without privileges", () => {
  it("never throws and names a layout", () => {
    expect(["v1", "v2", "hybrid", "none"]).toContain(detection.layout);
  });
});
