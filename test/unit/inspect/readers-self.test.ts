import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import {
  compareNamespaces,
  isSameProcess,
  ProcFileError,
  readHostname,
  readInterfaces,
  readMounts,
  readNamespaces,
  readNetDev,
  readNetNamespaceSummary,
  readProcess,
  readProcessesSeenBy,
  readProcessRoot,
  readProcessStartTime,
  readProcessStartTimeSync,
} from "../../../src/lib/inspect/index.js";

// The readers on the calling process itself: no privileges, nothing entered, the real /proc.
// A PID above the kernel's pid_max can never exist.
const NO_SUCH_PID = Number(readFileSync("/proc/sys/kernel/pid_max", "utf8")) + 1;

describe("readers on the calling process", () => {
  it("read the same namespaces for our PID and for self, all shared with ourselves", async () => {
    const byPid = await readNamespaces(process.pid);
    expect(await readNamespaces("self")).toEqual(byPid);
    expect(byPid.pid?.type).toBe("pid");
    const rows = await compareNamespaces("self", process.pid);
    expect(rows.filter((r) => r.hostInode !== undefined).every((r) => r.relation === "shared")).toBe(true);
  });

  it("read our own process with its command line and start time", async () => {
    const me = await readProcess(process.pid);
    expect(me?.ppid).toBe(process.ppid);
    expect(me?.cmdline.length).toBeGreaterThan(0);
    expect(me?.kernelThread).toBe(false);
    const start = await readProcessStartTime(process.pid);
    expect(start).toBe(me?.startTimeTicks);
    expect(readProcessStartTimeSync(process.pid)).toBe(start);
    expect(await isSameProcess(process.pid, start ?? -1)).toBe(true);
    expect(await isSameProcess(process.pid, (start ?? 0) + 1)).toBe(false);
  });

  it("answer undefined for the start time of a process that does not exist", async () => {
    expect(await readProcessStartTime(NO_SUCH_PID)).toBeUndefined();
    expect(readProcessStartTimeSync(NO_SUCH_PID)).toBeUndefined();
    expect(await readProcess(NO_SUCH_PID)).toBeUndefined();
  });

  it("say which process is gone and what that likely means", async () => {
    const error = await readNamespaces(NO_SUCH_PID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProcFileError);
    expect((error as ProcFileError).processGone).toBe(true);
    expect((error as Error).message).toMatch(
      new RegExp(`reading /proc/${NO_SUCH_PID}/ns/\\w+ failed: process ${NO_SUCH_PID} does not exist`),
    );
  });

  it("see ourselves among the processes of our PID namespace", async () => {
    const view = await readProcessesSeenBy("self");
    const me = view.processes.find((p) => p.pid === process.pid);
    expect(me?.nested).toBe(false);
    expect(me?.pidInside).toBe(me?.nsPid[view.namespace.level]);
  });

  it("read our mounts, interfaces, counters and hostname without entering anything", async () => {
    expect((await readMounts("self")).some((m) => m.fsType === "proc")).toBe(true);
    const ifs = await readInterfaces("self");
    expect(ifs.some((i) => i.linkType === "loopback")).toBe(true);
    expect((await readNetDev("self")).map((r) => r.interface)).toEqual(
      expect.arrayContaining(ifs.map((i) => i.name)),
    );
    expect(await readHostname("self")).toBe(hostname());
    expect(await readHostname(process.pid)).toBe(hostname());
  });

  it("read our root directory and what our network namespace holds", async () => {
    expect(readProcessRoot("self")).toBe("/");
    expect(readProcessRoot(process.pid)).toBe("/");
    // A listening TCP socket of our own must be counted (the summary reads /proc/self/net/tcp and tcp6).
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const net = await readNetNamespaceSummary("self");
      expect(net.inode).toBe((await readNamespaces("self")).net?.inode);
      expect(net.interfaces.map((i) => i.name)).toEqual((await readInterfaces("self")).map((i) => i.name));
      expect(net.sockets.tcp).toBeGreaterThanOrEqual(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
