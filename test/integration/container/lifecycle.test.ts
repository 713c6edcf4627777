// A container's life on the real kernel: stop, reaping, logs, many at once, and removal that leaves nothing.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type Container,
  containerLogs,
  getContainer,
  listContainers,
  removeContainer,
  runContainer,
  startContainer,
  stopAllContainers,
  stopContainer,
} from "../../../src/lib/container/index.js";
import { ContainerError } from "../../../src/lib/errors/index.js";
import {
  type ContainerSandbox,
  eventually,
  makeContainerSandbox,
  markedProcesses,
  nsLink,
  processesInPidNamespace,
  stateDirsIn,
  toolProcessesMentioning,
} from "../../support/container-fixtures.js";
import { all, describeWhen, needRoot, needTool } from "../../support/requirements.js";

let box: ContainerSandbox;
const seenInits: number[] = [];

async function started(options: Parameters<typeof startContainer>[0]): Promise<Container> {
  const c = await startContainer({ rootfs: box.rootfs, ...options });
  if (c.pid) seenInits.push(c.pid);
  return c;
}

describeWhen(
  all(needRoot(), needTool("unshare", "util-linux")),
  "container lifecycle on the real kernel",
  () => {
    beforeAll(async () => {
      box = await makeContainerSandbox();
    });

    afterAll(async () => {
      // staleCgroups: false - the sandbox has a run dir of its own; the host's idle nsbook cgroups are not its to sweep.
      const report = await stopAllContainers({ timeoutMs: 1000, staleCgroups: false });
      expect(report.problems).toEqual([]);
      expect(stateDirsIn(box.runDir)).toEqual([]);
      expect(await markedProcesses(box.runDir)).toEqual([]);
      expect(toolProcessesMentioning([box.runDir, ...seenInits.map((p) => `--target=${p}`)])).toEqual([]);
      box.dispose();
    });

    it("stops a container with SIGTERM to its command when the command obeys it", async () => {
      const c = await started({ name: "polite" });
      const pidNs = nsLink(c.pid as number, "pid") as string;
      const outcome = await c.stop({ timeoutMs: 5000 });
      expect(outcome).toMatchObject({ existed: true, wasRunning: true, escalated: false, removed: false });
      expect(processesInPidNamespace(pidNs)).toEqual([]);
      expect(await c.status()).toBe("exited");
      await c.remove();
    });

    it("escalates to SIGKILL when the command ignores SIGTERM, and kills the whole tree", async () => {
      const c = await started({
        name: "stubborn",
        command: ["/bin/sh", "-c", 'trap "" TERM; sleep 1000 & sleep 1000 & while :; do sleep 1; done'],
      });
      const pidNs = nsLink(c.pid as number, "pid") as string;
      expect(await eventually(() => processesInPidNamespace(pidNs).length >= 4)).toBe(true);
      const outcome = await c.stop({ timeoutMs: 300 });
      expect(outcome.escalated).toBe(true);
      expect(processesInPidNamespace(pidNs)).toEqual([]);
      await c.remove();
    });

    it("leaves no zombie under its init, where an init that does not reap would (control)", async () => {
      const orphans = "i=0; while [ $i -lt 5 ]; do (sleep 0.05 &); i=$((i+1)); done; sleep 1000";
      // Control: PID 1 replaced by `sleep` (exec) never reaps, so the orphans stay zombies. It runs on unshare
      // alone, so it needs a /dev/null of the rootfs's own for ash's `&` (the rootfs built as root has one;
      // otherwise it is made here and removed again right after).
      const madeDevNull = !existsSync(join(box.rootfs, "dev/null"));
      if (madeDevNull) execFileSync("mknod", ["-m", "666", join(box.rootfs, "dev/null"), "c", "1", "3"]);
      const control = spawn(
        "unshare",
        [
          "--pid",
          "--fork",
          "--kill-child",
          "--mount-proc",
          `--root=${box.rootfs}`,
          "/bin/sh",
          "-c",
          `(sleep 0.05 &); exec sleep 1000`,
        ],
        { stdio: "ignore" },
      );
      try {
        const zombieSeen = await eventually(() => {
          const init = Number(
            readFileSync(`/proc/${control.pid}/task/${control.pid}/children`, "utf8").trim(),
          );
          if (!init) return false;
          return processesInPidNamespace(nsLink(init, "pid") as string).some((p) => p.state === "Z");
        });
        expect(zombieSeen).toBe(true);
      } finally {
        control.kill("SIGKILL");
        if (madeDevNull) rmSync(join(box.rootfs, "dev/null"));
      }
      const c = await started({ name: "reaper", command: ["/bin/sh", "-c", orphans] });
      const pidNs = nsLink(c.pid as number, "pid") as string;
      await sleep(500);
      const procs = processesInPidNamespace(pidNs);
      expect(procs.filter((p) => p.state === "Z")).toEqual([]);
      // The init and the command (its shell exec'd its last command, sleep, in place).
      expect(procs.map((p) => p.comm).sort()).toEqual(["sh", "sleep"]);
      await c.dispose();
    });

    it("keeps what a detached container printed in its log, after it exits too", async () => {
      const c = await started({
        name: "talker",
        command: ["/bin/sh", "-c", "echo to stdout; echo to stderr >&2; exit 3"],
      });
      expect(await eventually(async () => (await c.status()) === "exited")).toBe(true);
      expect(await containerLogs("talker")).toBe("to stdout\nto stderr\n");
      // The exit code is recorded by its launcher (this process) once it sees unshare exit.
      const listed = async () => (await listContainers()).find((i) => i.name === "talker");
      expect(await eventually(async () => (await listed())?.exitCode === 3)).toBe(true);
      expect((await listed())?.status).toBe("exited");
      await c.remove();
    });

    it("finds a container again by name, as another process (the CLI) would", async () => {
      const c = await started({ name: "findme", hostname: "found" });
      const again = await getContainer("findme");
      expect(again.pid).toBe(c.pid);
      expect((await again.exec(["hostname"])).stdout).toBe("found\n");
      await expect(getContainer("nosuch")).rejects.toThrow(/no container named "nosuch"/);
      await again.dispose();
    });

    it("removes idempotently, and refuses to remove a running container without force", async () => {
      const c = await started({ name: "removable" });
      await expect(removeContainer("removable")).rejects.toThrow(/is running: stop it first/);
      expect((await removeContainer("removable", { force: true })).removed).toBe(true);
      expect(await removeContainer("removable")).toMatchObject({ existed: false });
      expect(await c.remove()).toMatchObject({ existed: false });
      expect(await stopContainer("removable")).toMatchObject({ existed: false });
      expect(stateDirsIn(box.runDir)).not.toContain("removable");
    });

    it("refuses a name in use by a running container, and reuses one whose container exited", async () => {
      const c = await started({ name: "taken" });
      await expect(started({ name: "taken" })).rejects.toMatchObject({ code: "name-in-use" });
      await c.stop();
      const again = await started({ name: "taken" });
      expect(await again.status()).toBe("running");
      await again.dispose();
    });

    it("fails to start with the container's own error, and leaves nothing behind", async () => {
      const error = await started({ name: "broken", workdir: "/no/such/dir" }).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(
        /start container "broken" failed[\s\S]*can't cd to \/no\/such\/dir/,
      );
      expect(stateDirsIn(box.runDir)).not.toContain("broken");
      const missing = await runContainer({ rootfs: box.rootfs, command: ["/no/such/program"] });
      expect(missing.exitCode).toBe(127);
      expect(missing.stderr).toMatch(/not found/);
    });

    it("kills a one-shot container and all it started when its timeout passes", async () => {
      const r = await runContainer({
        rootfs: box.rootfs,
        name: "slow",
        command: ["/bin/sh", "-c", "sleep 1000 & sleep 1000"],
        timeoutMs: 300,
      });
      expect(r).toMatchObject({ killed: true, signal: "SIGKILL" });
      expect(await markedProcesses(box.runDir)).toEqual([]);
      expect(stateDirsIn(box.runDir)).not.toContain("slow");
    });

    it("runs 20 containers at once that stay apart, and cleans them all up", async () => {
      const names = Array.from({ length: 20 }, (_, i) => `many-${i}`);
      const containers = await Promise.all(names.map((name) => started({ name, hostname: `host-${name}` })));
      const hostnames = await Promise.all(
        containers.map(async (c) => (await c.exec(["hostname"])).stdout.trim()),
      );
      expect(hostnames).toEqual(names.map((n) => `host-${n}`));
      const pidNs = containers.map((c) => nsLink(c.pid as number, "pid") as string);
      const netNs = containers.map((c) => nsLink(c.pid as number, "net") as string);
      expect(new Set(pidNs).size).toBe(20);
      expect(new Set(netNs).size).toBe(20);
      // Each one sees only itself: its init, its sleep and the exec'd shell (which counts with a glob, no child).
      const count = "set -- /proc/[0-9]*; echo $#";
      const counts = await Promise.all(
        containers.map(async (c) => (await c.exec(["/bin/sh", "-c", count])).stdout.trim()),
      );
      expect(new Set(counts)).toEqual(new Set(["3"]));
      const report = await stopAllContainers({ timeoutMs: 2000, staleCgroups: false });
      expect(report.removed).toEqual(expect.arrayContaining(names));
      expect(report.problems).toEqual([]);
      for (const ns of pidNs) expect(processesInPidNamespace(ns)).toEqual([]);
      expect(stateDirsIn(box.runDir)).toEqual([]);
      expect(await markedProcesses(box.runDir)).toEqual([]);
    });

    it("reports an exec into a container that does not exist as not found", async () => {
      const error = await getContainer("ghost").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContainerError);
      expect(error).toMatchObject({ code: "not-found" });
    });
  },
);
