// How each controller nsbook knows is called in each cgroup version.
import type { ControllerName } from "../types.js";

/** Every controller detection reports on, in report order. */
export const CONTROLLER_NAMES: readonly ControllerName[] = [
  "memory",
  "cpu",
  "cpuacct",
  "pids",
  "cpuset",
  "io",
  "freezer",
];

/** Controllers a v1 hierarchy can carry (what may appear in a cgroup mount's super options). */
export const V1_CONTROLLERS: ReadonlySet<string> = new Set([
  "cpuset",
  "cpu",
  "cpuacct",
  "blkio",
  "memory",
  "devices",
  "freezer",
  "net_cls",
  "perf_event",
  "net_prio",
  "hugetlb",
  "pids",
  "rdma",
  "misc",
]);

/** The v1 hierarchy name of a controller: v1 calls the io controller "blkio". */
export function v1NameOf(controller: ControllerName): string {
  return controller === "io" ? "blkio" : controller;
}

/**
 * How cgroup v2 serves a controller: most are controllers enabled through cgroup.subtree_control; two v1
 * controllers have no v2 controller at all and became core files present in every non-root v2 cgroup:
 * cpuacct (CPU usage is `usage_usec` in cpu.stat) and freezer (cgroup.freeze, kernel >= 5.2).
 */
export type V2Service = { kind: "controller"; name: string } | { kind: "core"; file: string; note: string };

/**
 * v2 controllers that may run in threaded mode (cgroups(7)): the kernel lets a cgroup that holds processes
 * enable them, but only by becoming the root of a threaded subtree whose children hold threads, not
 * ordinary cgroups, and can never use memory.
 */
export const V2_THREADED: ReadonlySet<string> = new Set(["cpu", "cpuset", "pids", "perf_event"]);

/** How v2 serves `controller`. */
export function v2ServiceOf(controller: ControllerName): V2Service {
  if (controller === "cpuacct") {
    return {
      kind: "core",
      file: "cpu.stat",
      note:
        "cgroup v2 has no cpuacct controller: CPU usage is usage_usec in cpu.stat, present in every v2 cgroup " +
        "(throttling counters in the same file need the cpu controller)",
    };
  }
  if (controller === "freezer") {
    return {
      kind: "core",
      file: "cgroup.freeze",
      note: "cgroup v2 has no freezer controller: every non-root cgroup has cgroup.freeze (kernel >= 5.2)",
    };
  }
  return { kind: "controller", name: controller };
}
