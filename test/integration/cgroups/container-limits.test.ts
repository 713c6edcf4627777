// The cgroups module wired into the container engine, on the real kernel: a container started with limits runs
// inside its cgroups from its first instruction; an OOM kill is reported as exit 137 with the limit and the
// peak (from the library, the CLI, ps, logs and exec), a fork loop stops at the pids limit, a busy loop stays
// near its CPU quota as `nsbook stats NAME` measures it, and after each test no cgroup of ours remains in any
// hierarchy. The same file runs in the cgroup v2 VM, in the root cgroup and in a delegated leaf.
import { execFile, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { main } from "../../../src/cli/main.js";
import { createContainerCgroups, findContainerCgroups } from "../../../src/lib/cgroups/index.js";
import {
  getContainer,
  listContainers,
  runContainer,
  startContainer,
  stopAllContainers,
} from "../../../src/lib/container/index.js";
import { ContainerError } from "../../../src/lib/errors/index.js";
import {
  type ContainerSandbox,
  eventually,
  makeContainerSandbox,
  markedProcesses,
  stateDirsIn,
} from "../../support/container-fixtures.js";
import { all, describeWhen, needPath, needRoot, needTool } from "../../support/requirements.js";
import { detectCgroupsNow } from "./detect-now.js";

const detection = detectCgroupsNow();
const usable = ["memory", "cpu", "pids"].every(
  (c) => detection.controllers.find((p) => p.controller === c)?.usable,
);
const P = `cgl${process.pid}`;
const ROOT = resolve(__dirname, "../../..");
const BIN = join(ROOT, "bin/nsbook");

/** A shell loop that doubles a string until the memory limit stops it. */
const HOG = ["sh", "-c", "x=0123456789abcdef; while :; do x=$x$x; done"];
/** Ten background sleeps: more processes than a pids limit of 5 allows. */
const FORKS = ["sh", "-c", "for i in 1 2 3 4 5 6 7 8 9 10; do sleep 60 & done; wait"];
const OOM_LINE = /^killed: out of memory \(limit 32 MiB, peak \d+(\.\d+)? MiB\)$/;

/** Our cgroups left anywhere under /sys/fs/cgroup (every hierarchy). */
const leftovers = () =>
  execFileSync("find", ["/sys/fs/cgroup", "-name", `nsbook-${P}*`], { encoding: "utf8" }).trim();

/**
 * Runs the CLI. Asynchronously on purpose: a spawnSync blocks this worker's event loop for the whole command,
 * and under qemu's TCG one CLI command can take longer than the 60 s vitest's worker RPC waits for an answer
 * (an already-arrived reply goes unread while the loop is blocked): the run then fails with "Timeout calling
 * onTaskUpdate" though every test passed (scripts/test-v2.sh, root cgroup, on a loaded host).
 */
function nsbook(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(BIN, args, { encoding: "utf8", env: process.env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end();
  });
}

let box: ContainerSandbox;

describeWhen(
  all(
    needRoot(),
    needTool("unshare", "util-linux"),
    needPath(join(ROOT, "dist/cli/main.js"), "run `npm run build` first (the CLI tests spawn bin/nsbook)"),
    { ok: usable, reason: "memory, cpu and pids cgroups are not all usable here (see `nsbook doctor`)" },
  ),
  "containers with resource limits (library and CLI)",
  () => {
    beforeAll(async () => {
      box = await makeContainerSandbox("nsbook-cglimits-");
    });

    afterEach(() => {
      expect(leftovers(), "cgroups left behind").toBe("");
    });

    afterAll(async () => {
      const report = await stopAllContainers({ timeoutMs: 1000, staleCgroups: { prefix: `nsbook-${P}` } });
      expect(report.problems).toEqual([]);
      expect(stateDirsIn(box.runDir)).toEqual([]);
      expect(await markedProcesses(box.runDir)).toEqual([]);
      box.dispose();
    });

    it("runs the container's command inside its cgroups and removes them when it ends", async () => {
      const r = await runContainer({
        name: `${P}-run`,
        rootfs: box.rootfs,
        command: ["cat", "/proc/self/cgroup"],
        resources: { memory: "64M", cpus: 0.5, pids: 32 },
      });
      expect(r.exitCode).toBe(0);
      const lines = r.stdout.trim().split("\n");
      for (const c of ["memory", "pids"]) {
        const line =
          lines.find((l) => l.split(":")[1]?.split(",").includes(c)) ??
          lines.find((l) => l.startsWith("0::"));
        expect(line, c).toMatch(new RegExp(`/nsbook-${P}-run$`));
      }
      expect(r).toMatchObject({ oomKilled: false, exitMessage: "exited with code 0" });
    });

    it("refuses invalid limits before creating anything, naming the option", async () => {
      await expect(
        runContainer({
          name: `${P}-bad`,
          rootfs: box.rootfs,
          command: ["true"],
          resources: { memory: "lots" },
        }),
      ).rejects.toThrow(/memory: "lots" is not allowed/);
    });

    it("reports a container killed by the OOM killer as exit 137 with its limit and peak", async () => {
      const r = await runContainer({
        name: `${P}-oom`,
        rootfs: box.rootfs,
        command: HOG,
        resources: { memory: "32M" },
      });
      expect(r.exitCode).toBe(137);
      expect(r.oomKilled).toBe(true);
      expect(r.exitMessage).toMatch(OOM_LINE);
      expect(r.usage?.oomKills).toBeGreaterThanOrEqual(1);
      expect(r.usage?.memoryPeakBytes).toBeGreaterThan(24 * 1024 * 1024);
    });

    it("stops a fork loop at the pids limit and says how many forks were refused", async () => {
      const r = await runContainer({
        name: `${P}-pids`,
        rootfs: box.rootfs,
        command: FORKS,
        resources: { pids: 5 },
      });
      expect(r.stderr).toMatch(/can't fork|Resource temporarily unavailable/);
      expect(r.exitCode).not.toBe(0);
      expect(r.oomKilled).toBe(false);
      expect(r.exitMessage).toMatch(/\d+ forks? refused at the process limit of 5/);
      expect(r.usage?.pidsLimitHits).toBeGreaterThanOrEqual(1);
    });

    it("keeps a busy detached container near its 20% CPU quota, as `nsbook stats NAME` measures it", async () => {
      const name = `${P}-cpu`;
      const c = await startContainer({
        name,
        rootfs: box.rootfs,
        command: ["sh", "-c", "while :; do :; done"],
        resources: { cpus: "20%" },
      });
      try {
        const manager = await findContainerCgroups(name);
        const before = manager.readUsage();
        await sleep(2000);
        const after = manager.readUsage();
        manager.closeFiles();
        const cores =
          ((after.cpuUsageUs ?? 0) - (before.cpuUsageUs ?? 0)) / ((after.timeMs - before.timeMs) * 1000);
        expect(cores).toBeGreaterThan(0.1);
        expect(cores).toBeLessThan(0.3);
        const periods = (after.cpuPeriods ?? 0) - (before.cpuPeriods ?? 0);
        const throttled = (after.cpuThrottledPeriods ?? 0) - (before.cpuThrottledPeriods ?? 0);
        expect(throttled / periods).toBeGreaterThan(0.5);
        let out = "";
        const spy = vi.spyOn(process.stdout, "write").mockImplementation((text) => {
          out += String(text);
          return true;
        });
        try {
          expect(await main(["stats", name, "--interval", "1"])).toBe(0);
        } finally {
          spy.mockRestore();
        }
        expect(out).toMatch(new RegExp(`^nsbook-${name} \\(`));
        expect(out).toMatch(/cpu +0\.[123]\d cores of 0\.2, used [\d.]+ s, throttled \d+ of \d+ periods/);
      } finally {
        await c.dispose();
      }
    });

    it("records the OOM kill of a detached container: ps, exec and the container object say so", async () => {
      const c = await startContainer({
        name: `${P}-doom`,
        rootfs: box.rootfs,
        command: HOG,
        resources: { memory: "32M" },
      });
      try {
        expect(await eventually(async () => (await c.status()) === "exited", 30_000)).toBe(true);
        const exit = await c.exitStatus();
        expect(exit).toMatchObject({ code: 137, oomKilled: true });
        expect(exit?.message).toMatch(OOM_LINE);
        const info = (await listContainers()).find((i) => i.name === c.name);
        expect(info).toMatchObject({ status: "exited", exitCode: 137, oomKilled: true });
        const e = await c.exec(["true"]).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(ContainerError);
        expect((e as Error).message).toMatch(/its command was killed: out of memory \(limit 32 MiB/);
      } finally {
        await c.dispose();
      }
    });

    it("stop --all removes cgroups that no container recorded and whose processes are gone", async () => {
      const orphan = await createContainerCgroups(`${P}-orphan`, { pids: 10 });
      const report = await stopAllContainers({ staleCgroups: { prefix: `nsbook-${P}-orphan`, minAgeMs: 0 } });
      expect(report.cgroupsRemoved.sort()).toEqual([...orphan.dirs].sort());
      for (const d of orphan.dirs) expect(existsSync(d), d).toBe(false);
    });

    it("exits 137 and prints the OOM line when the container runs out of memory", async () => {
      const r = await nsbook(["run", "--name", `${P}-cli-oom`, "--memory", "32M", "--", ...HOG]);
      expect(r.code).toBe(137);
      expect(r.stderr).toMatch(/^nsbook run: killed: out of memory \(limit 32 MiB, peak \d+(\.\d+)? MiB\)$/m);
    });

    it("fails a fork loop at --pids 5 and says the process limit refused forks", async () => {
      const r = await nsbook(["run", "--name", `${P}-cli-pids`, "--pids", "5", "--", ...FORKS]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/can't fork/);
      expect(r.stderr).toMatch(
        /^nsbook run: exited with code \d+ \(\d+ forks? refused at the process limit of 5\)$/m,
      );
    });

    it("shows a detached container's OOM kill in ps and logs, though its launcher has exited", async () => {
      const name = `${P}-cli-doom`;
      expect((await nsbook(["run", "-d", "--name", name, "--memory", "32M", "--", ...HOG])).code).toBe(0);
      try {
        const line = async () =>
          (await nsbook(["ps"])).stdout.split("\n").find((l) => l.startsWith(`${name} `)) ?? "";
        // Wait without recording anything (status() only looks at /proc): the first `nsbook ps` is what sees it.
        const c = await getContainer(name);
        expect(await eventually(async () => (await c.status()) === "exited", 30_000)).toBe(true);
        expect(await line()).toMatch(/exited 137 \(out of memory, limit 32 MiB, peak \d+(\.\d+)? MiB\)/);
        expect((await nsbook(["logs", name])).stderr).toMatch(
          new RegExp(`^nsbook logs: ${name} exited 137 \\(out of memory, limit 32 MiB`, "m"),
        );
      } finally {
        expect((await nsbook(["stop", name])).code).toBe(0);
      }
    });
  },
);
