import { describe, expect, it } from "vitest";
import {
  type ProcessInfo,
  summarizeProcessView,
  viewFromPidNamespace,
} from "../../../src/lib/inspect/index.js";

const HOST_NS = 4026531836;
const CONTAINER_NS = 4026532179;
const NESTED_NS = 4026532300;
const ids = { real: 0, effective: 0, saved: 0, filesystem: 0 };

function proc(
  pid: number,
  ppid: number,
  nsPid: number[],
  pidNamespace: number | undefined,
  name: string,
): ProcessInfo {
  return {
    pid,
    ppid,
    nsPid,
    name,
    cmdline: name === "kworker" ? [] : [name],
    state: "S",
    uid: ids,
    gid: ids,
    startTimeTicks: pid * 10,
    pidNamespace,
    kernelThread: name === "kworker",
  };
}

// A host with an `unshare --pid --fork` container: unshare (host) -> sh (PID 1 inside) -> sleep (PID 2);
// a process nsenter'd in from the host (parent outside); and a namespace nested in the container.
const ALL: ProcessInfo[] = [
  proc(1, 0, [1], undefined, "init"), // the ns/pid link of PID 1 may be unreadable
  proc(2, 0, [2], HOST_NS, "kthreadd"),
  proc(3, 2, [3], HOST_NS, "kworker"),
  proc(100, 1, [100], HOST_NS, "node"),
  proc(200, 100, [200], HOST_NS, "unshare"),
  proc(201, 200, [201, 1], CONTAINER_NS, "sh"),
  proc(202, 201, [202, 2], CONTAINER_NS, "sleep"),
  proc(300, 100, [300], HOST_NS, "nsenter"),
  proc(301, 300, [301, 3], CONTAINER_NS, "ps"),
  proc(210, 202, [210, 4], CONTAINER_NS, "unshare"),
  proc(211, 210, [211, 5, 1], NESTED_NS, "sh"),
  proc(400, 100, [400], HOST_NS, "unshare"),
  proc(401, 400, [401, 1], 4026532999, "other-container"),
];

describe("viewFromPidNamespace", () => {
  it("shows the container's processes with PID 1 for its init and PPid 0 above it", () => {
    const view = viewFromPidNamespace(ALL, { inode: CONTAINER_NS, level: 1 });
    const rows = view.processes.map((p) => [p.pid, p.pidInside, p.ppidInside, p.name, p.nested]);
    expect(rows).toEqual([
      [201, 1, 0, "sh", false],
      [202, 2, 1, "sleep", false],
      [301, 3, 0, "ps", false], // nsenter'd in: its parent is outside
      [210, 4, 2, "unshare", false],
      [211, 5, 4, "sh", true], // in a nested namespace, still visible from the container
    ]);
  });

  it("sees neither the host's processes nor another container's from inside", () => {
    const view = viewFromPidNamespace(ALL, { inode: CONTAINER_NS, level: 1 });
    const hostPids = view.processes.map((p) => p.pid);
    expect(hostPids).not.toContain(100);
    expect(hostPids).not.toContain(401);
  });

  it("sees every process from the host, PIDs unchanged, even one whose namespace link was unreadable", () => {
    const view = viewFromPidNamespace(ALL, { inode: HOST_NS, level: 0 });
    expect(view.processes.map((p) => p.pid).sort((a, b) => a - b)).toEqual(
      ALL.map((p) => p.pid).sort((a, b) => a - b),
    );
    expect(view.processes.every((p) => p.pidInside === p.pid)).toBe(true);
    expect(view.processes.find((p) => p.pid === 201)).toMatchObject({ nested: true, ppidInside: 200 });
  });

  it("shows only the nested namespace's process from the nested namespace", () => {
    const view = viewFromPidNamespace(ALL, { inode: NESTED_NS, level: 2 });
    expect(view.processes.map((p) => [p.pid, p.pidInside, p.ppidInside])).toEqual([[211, 1, 0]]);
  });
});

describe("summarizeProcessView", () => {
  it("counts processes and kernel threads, per namespace with the viewer's own first, and samples user processes", () => {
    const summary = summarizeProcessView(viewFromPidNamespace(ALL, { inode: HOST_NS, level: 0 }), {
      sampleSize: 3,
    });
    expect(summary.total).toBe(ALL.length);
    expect(summary.kernelThreads).toBe(1);
    expect(summary.perNamespace[0]).toEqual({ inode: HOST_NS, processes: 7 });
    expect(summary.perNamespace).toContainEqual({ inode: CONTAINER_NS, processes: 4 });
    expect(summary.sample.map((p) => p.name)).toEqual(["init", "kthreadd", "node"]);
  });

  it("refuses a sample size that is not a whole number, naming it", () => {
    const view = viewFromPidNamespace(ALL, { inode: HOST_NS, level: 0 });
    expect(() => summarizeProcessView(view, { sampleSize: -1 })).toThrow(
      /sampleSize must be a whole number >= 0, got -1/,
    );
  });
});
