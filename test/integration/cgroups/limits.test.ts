// Limits on the real kernel: on this host's v1 hierarchies, and - through scripts/test-v2.sh - on a pure
// cgroup v2 kernel, in its root cgroup and in a non-root leaf that holds processes (where nsbook first moves
// those processes into nsbook-leaf). The same tests run everywhere: they find out which version serves each
// controller and check that version's own files.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { detectCgroupsSync } from "../../../src/lib/cgroups/detect/index.js";
import {
  type ContainerCgroups,
  cgroupPids,
  createContainerCgroups,
  describeExit,
  type ResourceLimitsInput,
  removeStaleCgroups,
  startSampler,
  validateLimits,
} from "../../../src/lib/cgroups/index.js";
import { runHost } from "../../../src/lib/host/index.js";
import { all, describeWhen, needRoot, needTool, type Requirement } from "../../support/requirements.js";
import { detectCgroupsNow } from "./detect-now.js";

const detection = detectCgroupsNow();
const placement = (c: string) => detection.controllers.find((p) => p.controller === c);
const LIMITED = ["memory", "cpu", "pids"] as const;
const version = placement("memory")?.version;
const PREFIX = `cgtest-${process.pid}`;

/** memory, cpu and pids are all usable below this process's cgroups. */
function needLimits(): Requirement {
  const bad = LIMITED.map(placement).filter((p) => !p?.usable);
  return {
    ok: bad.length === 0,
    reason: bad
      .map((p) => `${p?.controller ?? "?"} cgroups are not usable here: ${p?.whyNot ?? "not found"}`)
      .join("; "),
  };
}

/**
 * On pure v2 in a delegated non-root cgroup with processes (a systemd scope with Delegate=yes; the VM's
 * QV2_CGROUP): the leaf nsbook moves those processes into before enabling controllers there.
 */
const leafDir = placement("memory")?.leafDir;

const made: ContainerCgroups[] = [];
async function cgroups(what: string, limits: ResourceLimitsInput = {}): Promise<ContainerCgroups> {
  const cg = await createContainerCgroups(`${PREFIX}-${what}`, limits, { detection });
  made.push(cg);
  return cg;
}

afterEach(async () => {
  for (const cg of made.splice(0).reverse()) await cg.dispose();
});

afterAll(() => {
  const left = execFileSync("find", ["/sys/fs/cgroup", "-name", `nsbook-${PREFIX}*`], {
    encoding: "utf8",
  }).trim();
  expect(left, "cgroups left behind").toBe("");
});

/** Polls `fn` until it returns true or `timeoutMs` passes (a wait, not a timed assertion). */
async function until(fn: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!fn()) {
    if (Date.now() > end) throw new Error("condition not reached");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** True once `n` processes are in every one of the container's cgroups (the wrapper joins them one by one). */
const joined = (cg: ContainerCgroups, n: number) => cg.dirs.every((d) => cgroupPids(d).length === n);

const file = (dir: string, name: string) => readFileSync(join(dir, name), "utf8").trim();

const where = leafDir ? `, beside ${leafDir}` : "";

describeWhen(
  all(needRoot(), needLimits()),
  `cgroup limits on this kernel (memory on cgroup v${version}${where})`,
  () => {
    it("puts the first process into every cgroup of the container before it runs anything", async () => {
      const cg = await cgroups("enter");
      const r = await runHost(cg.wrapArgv(["cat", "/proc/self/cgroup"]));
      const lines = r.stdout.trim().split("\n");
      for (const { controller, version: v } of cg.manager.controllers) {
        const line = lines.find((l) =>
          v === 2 ? l.startsWith("0::") : l.split(":")[1]?.split(",").includes(controller),
        );
        expect(line, controller).toMatch(new RegExp(`/nsbook-${PREFIX}-enter$`));
      }
    });

    it("writes each limit to the file its cgroup version has", async () => {
      const cg = await cgroups("files", { memory: "32M", cpus: 0.2, cpuWeight: 100, pids: 5 });
      const dirOf = (c: string) =>
        cg.manager.controllers.find((d) => d.controller === c) as { dir: string; version: 1 | 2 };
      const memory = dirOf("memory");
      // Swap limits only where the kernel accounts swap (v2 memory.swap.max, v1 memsw files).
      const swapFile = memory.version === 2 ? "memory.swap.max" : "memory.memsw.limit_in_bytes";
      const swap = existsSync(join(memory.dir, swapFile)) ? 0 : undefined;
      if (swap !== undefined) await cg.manager.set(validateLimits({ memory: "32M", swap }));
      const cpu = dirOf("cpu");
      const pids = dirOf("pids");
      if (memory.version === 2) {
        expect(file(memory.dir, "memory.max")).toBe("33554432");
        if (swap !== undefined) expect(file(memory.dir, swapFile)).toBe("0");
      } else {
        expect(file(memory.dir, "memory.limit_in_bytes")).toBe("33554432");
        if (swap !== undefined) expect(file(memory.dir, swapFile)).toBe("33554432");
      }
      if (cpu.version === 2) {
        expect(file(cpu.dir, "cpu.max")).toBe("20000 100000");
        expect(file(cpu.dir, "cpu.weight")).toBe("100");
      } else {
        expect(file(cpu.dir, "cpu.cfs_quota_us")).toBe("20000");
        expect(file(cpu.dir, "cpu.cfs_period_us")).toBe("100000");
        expect(file(cpu.dir, "cpu.shares")).toBe("1024");
      }
      expect(file(pids.dir, "pids.max")).toBe("5");
      expect(cg.manager.readUsage()).toMatchObject({
        memoryLimitBytes: 33554432,
        cpuQuotaUs: 20000,
        cpuPeriodUs: 100000,
        pidsLimit: 5,
      });
    });

    describeWhen(needTool("unshare", "util-linux"), "out of memory", () => {
      it("counts an OOM kill, sees it as an event and reports exit 137 with the limit", async () => {
        const cg = await cgroups("oom", { memory: "32M" });
        const before = cg.manager.readUsage();
        const sampler = startSampler(cg.manager, { hz: 20 });
        // The hog is PID 1 of a new PID namespace, as a container's init: unshare 2.38 then exits 1.
        const r = await runHost(
          cg.wrapArgv([
            "unshare",
            "--pid",
            "--fork",
            "dd",
            "if=/dev/zero",
            "of=/dev/null",
            "bs=64M",
            "count=1",
          ]),
          {
            allowFailure: true,
          },
        );
        const { events } = await sampler.stop();
        const after = cg.manager.readUsage();
        expect(r.failed).toBe(true);
        expect(after.oomKills).toBe(1);
        expect(after.memoryLimitHits).toBeGreaterThan(0);
        expect(events).toEqual([expect.objectContaining({ type: "oom-kill", count: 1 })]);
        const exit = describeExit({ exitCode: r.exitCode, signal: r.signal, before, after });
        expect(exit.exitCode).toBe(137);
        expect(exit.oomKilled).toBe(true);
        expect(exit.message).toMatch(/^killed: out of memory \(limit 32 MiB, peak \d+(\.\d+)? MiB\)$/);
        expect(after.memoryPeakBytes).toBeGreaterThan(24 * 1024 * 1024);
      });
    });

    it("stops a fork loop at pids.max and counts the refused forks", async () => {
      const cg = await cgroups("pids", { pids: 5 });
      const loop = "for i in 1 2 3 4 5 6 7 8 9 10; do sleep 60 >/dev/null 2>&1 & done; wait";
      const r = await runHost(cg.wrapArgv(["sh", "-c", loop]), { allowFailure: true });
      expect(r.stderr).toMatch(/Cannot fork|Resource temporarily unavailable/);
      const usage = cg.manager.readUsage();
      expect(usage.pidsLimitHits).toBeGreaterThanOrEqual(1);
      expect(usage.pidsCurrent).toBeLessThanOrEqual(5);
      await cg.manager.killAll();
      expect(cg.manager.pids()).toEqual([]);
    });

    it("keeps a busy loop near its 20% CPU quota and counts throttled periods", async () => {
      const cg = await cgroups("cpu", { cpus: "20%" });
      const before = cg.manager.readUsage();
      await runHost(cg.wrapArgv(["timeout", "2", "sh", "-c", "while :; do :; done"]), { allowFailure: true });
      const after = cg.manager.readUsage();
      const cores =
        ((after.cpuUsageUs ?? 0) - (before.cpuUsageUs ?? 0)) / ((after.timeMs - before.timeMs) * 1000);
      expect(cores).toBeGreaterThan(0.1);
      expect(cores).toBeLessThan(0.3);
      const periods = (after.cpuPeriods ?? 0) - (before.cpuPeriods ?? 0);
      const throttled = (after.cpuThrottledPeriods ?? 0) - (before.cpuThrottledPeriods ?? 0);
      expect(periods).toBeGreaterThan(5);
      expect(throttled / periods).toBeGreaterThan(0.5);
      expect(after.cpuThrottledUs).toBeGreaterThan(0);
    });

    it("kills every process of the container, forks included", async () => {
      const cg = await cgroups("kill");
      const run = runHost(cg.wrapArgv(["sh", "-c", "sleep 60 & sleep 60 & wait"]), { allowFailure: true });
      await until(() => joined(cg, 3));
      await cg.manager.killAll();
      expect(cg.manager.pids()).toEqual([]);
      expect((await run).signal).toBe("SIGKILL");
    });

    it("refuses to take over a cgroup of the same name that still has processes", async () => {
      const cg = await cgroups("twice");
      const run = runHost(cg.wrapArgv(["sleep", "60"]), { allowFailure: true });
      await until(() => joined(cg, 1));
      await expect(createContainerCgroups(`${PREFIX}-twice`, {}, { detection })).rejects.toThrow(
        /already exists and has processes/,
      );
      await cg.dispose();
      await run;
    });

    it("removes stale cgroups whose processes are gone and keeps the busy ones", async () => {
      const idle = await cgroups("stale-idle", { pids: 10 });
      const busy = await cgroups("stale-busy");
      const run = runHost(busy.wrapArgv(["sleep", "60"]), { allowFailure: true });
      await until(() => joined(busy, 1));
      const prefix = `nsbook-${PREFIX}-stale`;
      // Just created: another kernel may be about to start it, so it is left alone at first.
      expect((await removeStaleCgroups({ prefix, detection })).young).toEqual([`${prefix}-idle`]);
      const report = await removeStaleCgroups({ prefix, detection, minAgeMs: 0 });
      expect(report.removed.sort()).toEqual([...idle.dirs].sort());
      expect(report.busy.map((b) => b.name)).toEqual([`${prefix}-busy`]);
      expect(report.busy[0]?.dirs.sort()).toEqual([...busy.dirs].sort());
      for (const d of idle.dirs) expect(existsSync(d)).toBe(false);
      await busy.dispose();
      await run;
    });

    it("ends a sampler whose cgroups are removed, with the reason", async () => {
      const cg = await createContainerCgroups(`${PREFIX}-vanish`, {}, { detection });
      const sampler = startSampler(cg.manager, { hz: 50 });
      await until(() => sampler.samples.length >= 2);
      await cg.dispose();
      const result = await sampler.done;
      expect((result.error as Error).name).toBe("CgroupGoneError");
      expect(result.samples.length).toBeGreaterThanOrEqual(2);
    });

    it("removes the container's cgroups in every hierarchy, and a second dispose is harmless", async () => {
      const cg = await createContainerCgroups(
        `${PREFIX}-gone`,
        { memory: "64M", cpus: 1, pids: 100 },
        { detection },
      );
      await runHost(cg.wrapArgv(["true"]));
      expect(cg.dirs.length).toBeGreaterThan(0);
      await cg.dispose();
      await cg.dispose();
      for (const d of cg.dirs) expect(existsSync(d), d).toBe(false);
    });
  },
);

describe.runIf(needRoot().ok && leafDir !== undefined)(
  "in a delegated cgroup v2 leaf that holds processes (systemd scope with Delegate=yes)",
  () => {
    const own = dirname(leafDir ?? "/");

    it("moves the cgroup's processes into nsbook-leaf, enables the controllers, and puts containers beside it", async () => {
      const cg = await cgroups("leaf", { memory: "32M", cpus: 0.5, pids: 16 });
      expect(cg.dirs).toEqual([join(own, `nsbook-${PREFIX}-leaf`)]);
      expect(file(own, "cgroup.procs")).toBe("");
      expect(file(own, "cgroup.subtree_control").split(" ")).toEqual(
        expect.arrayContaining(["cpu", "memory", "pids"]),
      );
      expect(cgroupPids(leafDir as string)).toContain(process.pid);
      const self = readFileSync("/proc/self/cgroup", "utf8");
      expect(self).toMatch(/^0::.*\/nsbook-leaf$/m);
      // Detection now sees the caller in the leaf, and still plans the containers beside it.
      const after = detectCgroupsSync();
      expect(after.controllers.find((c) => c.controller === "memory")).toMatchObject({
        usable: true,
        parentDir: own,
        leafDir,
        enabledForChildren: true,
      });
    });

    it("never counts nsbook-leaf as a stale cgroup", async () => {
      const report = await removeStaleCgroups({ dryRun: true, minAgeMs: 0 });
      const all = [...report.removed, ...report.busy.flatMap((b) => b.dirs)];
      expect(all.some((d) => d.endsWith("/nsbook-leaf"))).toBe(false);
      expect(existsSync(leafDir as string)).toBe(true);
    });
  },
);
