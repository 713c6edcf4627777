// What each namespace isolates, checked on the real kernel from both sides: inside (exec) and the host (/proc).
import { execFileSync, spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname as hostHostname } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  CONTAINER_DEVICES,
  type Container,
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
  mountsUnder,
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

async function sh(c: Container, script: string): Promise<string> {
  const r = await c.exec(["/bin/sh", "-c", script]);
  expect(r.stderr).toBe("");
  expect(r.exitCode).toBe(0);
  return r.stdout.trim();
}

describeWhen(
  all(needRoot(), needTool("unshare", "util-linux")),
  "container isolation on the real kernel",
  () => {
    beforeAll(async () => {
      box = await makeContainerSandbox();
      writeFileSync(join(box.rootfs, "etc/nsbook-test-marker"), "inside the rootfs\n");
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

    it("runs the init as PID 1 with PPid 0, the command as its child", async () => {
      const c = await started({ name: "pid1" });
      expect(await sh(c, "grep PPid /proc/1/status; cat /proc/1/cmdline | tr '\\0' ' '")).toMatch(
        /^PPid:\t0\n\/bin\/sh -c eval "\$NSBOOK_INIT" nsbook-init \S+\/pid1 (pid1)? \/ ready sleep infinity/,
      );
      // The command is PID 2: the set-up (hostname, /dev) forked nothing inside the pid namespace.
      expect(await sh(c, "ps -o pid,ppid,comm | grep sleep")).toMatch(/^\s*2\s+1\s+sleep$/);
      await c.dispose();
    });

    it("uses a rootfs's own device nodes, in a single unshare, the command still PID 2", async () => {
      // The busybox rootfs built as root carries the standard device nodes.
      expect(lstatSync(join(box.rootfs, "dev/null")).isCharacterDevice()).toBe(true);
      const c = await started({ name: "fastpath" });
      expect(c.spec.mountDev).toBe(false);
      const script =
        "cut -d' ' -f5 /proc/self/mountinfo; hostname; ps -o pid,comm | grep sleep; sleep 0 & wait";
      expect(await sh(c, script)).toMatch(/^\/proc\nfastpath\n\s*2 sleep$/);
      await c.dispose();
    });

    it("mounts a minimal /dev for a rootfs without device nodes, the host's devices bound in", async () => {
      const bare = join(box.home, "rootfs-without-devices");
      execFileSync("cp", ["-a", box.rootfs, bare]);
      for (const d of readdirSync(join(bare, "dev"))) rmSync(join(bare, "dev", d));
      const c = await started({ name: "devmount", rootfs: bare });
      expect(c.spec.mountDev).toBe(true);
      const points = (await sh(c, "cut -d' ' -f5 /proc/self/mountinfo")).split("\n");
      expect(points).toEqual(expect.arrayContaining(["/dev", ...CONTAINER_DEVICES.map((d) => `/dev/${d}`)]));
      expect(await sh(c, "echo quiet >/dev/null; sleep 0 & wait; echo ok")).toBe("ok");
      await c.dispose();
      rmSync(bare, { recursive: true, force: true });
    });

    it("changes the hostname inside and not outside", async () => {
      const before = hostHostname();
      const c = await started({ name: "uts", hostname: "inside-box" });
      expect(await sh(c, "hostname")).toBe("inside-box");
      expect(await sh(c, "hostname renamed-inside && hostname")).toBe("renamed-inside");
      expect(hostHostname()).toBe(before);
      expect(execFileSync("hostname", { encoding: "utf8" }).trim()).toBe(before);
      await c.dispose();
    });

    it("shows only the container's processes in its /proc, the same ones the host sees in its pid namespace", async () => {
      const c = await started({ name: "procs" });
      const inside = (await sh(c, "ls /proc | grep -E '^[0-9]+$' | sort -n | tr '\\n' ' '"))
        .split(" ")
        .map(Number);
      const pidNs = nsLink(c.pid as number, "pid") as string;
      const fromHost = processesInPidNamespace(pidNs);
      // Inside: init (1), sleep, and the exec'd sh (and its ls/grep/sort/tr children, gone by now).
      expect(inside).toContain(1);
      expect(inside.length).toBeLessThan(10);
      expect(fromHost.map((p) => p.comm).sort()).toEqual(["sh", "sleep"]);
      expect(pidNs).not.toBe(nsLink("self", "pid"));
      await c.dispose();
    });

    it("lets exec see the container's hostname, pid namespace, root and working directory", async () => {
      const c = await started({ name: "execview", hostname: "execbox", workdir: "/tmp" });
      const pid = c.pid as number;
      const out = await sh(
        c,
        "hostname; readlink /proc/self/ns/pid; readlink /proc/self/ns/mnt; cat /etc/nsbook-test-marker; pwd",
      );
      expect(out.split("\n")).toEqual([
        "execbox",
        nsLink(pid, "pid"),
        nsLink(pid, "mnt"),
        "inside the rootfs",
        "/tmp",
      ]);
      const other = await c.exec(["pwd"], { workdir: "/etc" });
      expect(other.stdout).toBe("/etc\n");
      await c.dispose();
    });

    it("passes the exit code, output and stdin of an exec'd command through", async () => {
      const c = await started({ name: "execio" });
      const r = await c.exec(["/bin/sh", "-c", "read line; echo got:$line; echo oops >&2; exit 42"], {
        input: "hello\n",
      });
      expect(r).toMatchObject({ exitCode: 42, stdout: "got:hello\n", stderr: "oops\n", killed: false });
      const chunks: string[] = [];
      await c.exec(["/bin/sh", "-c", "echo one; echo two"], { onStdout: (t) => chunks.push(t) });
      expect(chunks.join("")).toBe("one\ntwo\n");
      await c.dispose();
    });

    it("fails clearly when exec targets a container that has stopped", async () => {
      const c = await started({ name: "stopped" });
      await c.stop({ timeoutMs: 1000 });
      const error = await c.exec(["true"]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContainerError);
      expect(error).toMatchObject({ code: "not-running" });
      expect((error as Error).message).toMatch(
        /container "stopped" is not running .*exited with code 143.*nsbook logs stopped/,
      );
      await c.remove();
    });

    it("keeps a mount made inside from reaching the host even below a shared mount, and /proc too", async () => {
      // This machine's / is private: make a shared mount ourselves and put the rootfs in it.
      const shared = join(box.home, "shared");
      mkdirSync(shared);
      execFileSync("mount", ["--rbind", box.rootfs, shared]);
      execFileSync("mount", ["--make-rshared", shared]);
      try {
        // Control: with propagation unchanged (not what nsbook does), the same mount does leak to the host.
        mkdirSync(join(shared, "mnt/leak"), { recursive: true });
        const leak = spawnSync("unshare", [
          "--mount",
          "--propagation",
          "unchanged",
          "mount",
          "-t",
          "tmpfs",
          "nsbook-leak",
          join(shared, "mnt/leak"),
        ]);
        expect(leak.status).toBe(0);
        expect(mountsUnder(shared)).toContain(join(shared, "mnt/leak"));
        execFileSync("umount", [join(shared, "mnt/leak")]);

        const c = await started({ name: "mounts", rootfs: shared });
        expect(
          await sh(c, "mount -t tmpfs nsbook-inside /mnt && grep -c nsbook-inside /proc/self/mounts"),
        ).toBe("1");
        expect(await sh(c, "grep -c ' /proc proc' /proc/self/mounts")).toBe("1");
        expect(mountsUnder(shared)).toEqual([shared]);
        await c.dispose();
        expect(mountsUnder(shared)).toEqual([shared]);
      } finally {
        execFileSync("umount", ["--recursive", "--lazy", shared]);
      }
    });

    it("leaves nothing mounted and no namespace alive after a one-shot run", async () => {
      const before = mountsUnder(box.home);
      const r = await runContainer({
        rootfs: box.rootfs,
        name: "oneshot",
        command: [
          "/bin/sh",
          "-c",
          "mount -t tmpfs t /mnt; readlink /proc/self/ns/pid; sleep 30 & echo started",
        ],
      });
      expect(r.exitCode).toBe(0);
      const [pidNs] = r.stdout.split("\n");
      expect(pidNs).toMatch(/^pid:\[\d+\]$/);
      expect(mountsUnder(box.home)).toEqual(before);
      // The background sleep died with the pid namespace: no process of it is left anywhere.
      expect(await eventually(() => processesInPidNamespace(pidNs as string).length === 0)).toBe(true);
      expect(stateDirsIn(box.runDir)).toEqual([]);
    });

    it("switches the root with pivot_root so the host's root is not reachable at all", async () => {
      const c = await started({ name: "pivot", rootSwitch: "pivot_root" });
      expect(await sh(c, "cat /etc/nsbook-test-marker")).toBe("inside the rootfs");
      // Its whole mount table: the new root and /proc (the rootfs has its own device nodes). Nothing of the host.
      const points = (await sh(c, "cut -d' ' -f5 /proc/self/mountinfo")).split("\n");
      expect(points).toEqual(["/", "/proc"]);
      expect(mountsUnder(box.rootfs)).toEqual([]);
      await c.dispose();
    });

    it("reproduces the course's step 1: chroot only, the host's pid and uts namespaces", async () => {
      const r = await runContainer({
        rootfs: box.rootfs,
        namespaces: [],
        command: ["/bin/sh", "-c", "cat /etc/nsbook-test-marker; ls /proc | wc -l"],
      });
      expect(r.stdout).toBe("inside the rootfs\n0\n");
      const c = await started({ name: "step1", namespaces: [] });
      expect(nsLink(c.pid as number, "pid")).toBe(nsLink("self", "pid"));
      expect(nsLink(c.pid as number, "uts")).toBe(nsLink("self", "uts"));
      expect(await sh(c, "cat /etc/nsbook-test-marker")).toBe("inside the rootfs");
      await c.dispose();
    });

    it("gives a network namespace with only a loopback interface", async () => {
      const r = await runContainer({
        rootfs: box.rootfs,
        command: ["/bin/sh", "-c", "tail -n +3 /proc/net/dev | cut -d: -f1"],
      });
      expect(r.stdout.trim()).toBe("lo");
    });
  },
);
