import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runHost } from "../../../src/lib/host/index.js";
import {
  type ContainerVsHost,
  compareNamespaces,
  diffMounts,
  inspectContainerVsHost,
  readAllProcesses,
  readHostname,
  readInterfaces,
  readMounts,
  readNetDev,
  readProcessesSeenBy,
  readProcessStartTime,
  readRoutes,
} from "../../../src/lib/inspect/index.js";
import { all, describeWhen, needRoot, needTool } from "../../support/requirements.js";

// A real container made here with unshare (helper-independent): new PID, mount, UTS and net namespaces,
// its own /proc, a hostname and a tmpfs mounted inside, and a veth pair whose far end is moved into it.
// Its init execs `sleep` once set up, so "init is called sleep" means "set-up finished".
const HOSTNAME = "nsbook-g";
const VETH_HOST = "nsbinsp0";
const VETH_INSIDE = "nsbinsp1";

let unshare: ChildProcess | undefined;
let unshareExit: Promise<void> | undefined;
let initPid = 0;
let initStart: number | undefined;
let dir = "";
let sharedMount = "";
let insideMount = "";

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describeWhen(
  all(needRoot(), needTool("unshare", "util-linux"), needTool("ip", "iproute2")),
  "inspecting a real container from the host",
  () => {
    beforeAll(async () => {
      dir = mkdtempSync("/tmp/nsbook-inspect-");
      // A shared mount on the host (this machine's / is private): the container's copy of it is made
      // private by --propagation private, so what is mounted below it inside does not reach the host.
      sharedMount = join(dir, "shared");
      mkdirSync(sharedMount);
      await runHost(["mount", "-t", "tmpfs", "nsbook-g-shared", sharedMount]);
      await runHost(["mount", "--make-shared", sharedMount]);
      insideMount = join(sharedMount, "inside mount");
      const script = `mkdir -p "$1" && mount -t tmpfs nsbook-g "$1" && hostname ${HOSTNAME} || exit 1; sleep 300 & exec sleep 301`;
      // A long-lived process outside runHost (which waits for exit). --kill-child: SIGKILL of unshare in
      // afterAll takes the init, and with it the whole PID namespace.
      unshare = spawn(
        "unshare",
        [
          "--pid",
          "--fork",
          "--kill-child",
          "--mount",
          "--uts",
          "--net",
          "--propagation",
          "private",
          "--mount-proc",
        ].concat(["sh", "-c", script, "sh", insideMount]),
        { stdio: "ignore" },
      );
      const child = unshare;
      unshareExit = new Promise((resolve) => child.once("exit", () => resolve()));
      const unsharePid = child.pid ?? 0;
      initPid = await waitFor("the container's init to exec sleep", async () => {
        const procs = await readAllProcesses();
        const init = procs.find((p) => p.ppid === unsharePid);
        const helper = procs.find((p) => init && p.ppid === init.pid && p.name === "sleep");
        return init?.name === "sleep" && helper ? init.pid : undefined;
      });
      initStart = await readProcessStartTime(initPid);
      await runHost([
        "ip",
        "link",
        "add",
        VETH_HOST,
        "type",
        "veth",
        "peer",
        "name",
        VETH_INSIDE,
        "netns",
        String(initPid),
      ]);
    });

    afterAll(async () => {
      await runHost(["ip", "link", "del", VETH_HOST], { allowFailure: true });
      if (unshare?.pid && unshare.exitCode === null && unshare.signalCode === null) unshare.kill("SIGKILL");
      await unshareExit;
      if (initPid) {
        await waitFor("the container's init to be gone", async () =>
          (await readProcessStartTime(initPid)) === initStart ? undefined : true,
        );
      }
      if (sharedMount) await runHost(["umount", sharedMount], { allowFailure: true });
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("finds different pid, mnt, uts and net namespaces and shares the ones not unshared", async () => {
      const relation = Object.fromEntries(
        (await compareNamespaces("self", initPid)).map((r) => [r.link, r.relation]),
      );
      expect(relation).toMatchObject({
        pid: "different",
        pid_for_children: "different",
        mnt: "different",
        uts: "different",
        net: "different",
      });
      expect(relation).toMatchObject({ ipc: "shared", user: "shared", cgroup: "shared", time: "shared" });
    });

    it("maps the init to PID 1 with PPid 0 inside, and lists exactly what the container's own /proc lists", async () => {
      const view = await readProcessesSeenBy(initPid);
      expect(view.namespace.level).toBe(1);
      const init = view.processes.find((p) => p.pid === initPid);
      expect(init).toMatchObject({ pidInside: 1, ppidInside: 0, name: "sleep", nested: false });
      expect(init?.nsPid).toEqual([initPid, 1]);
      // The second process is init's background sleep (its PID inside comes after mkdir, mount, hostname).
      expect(view.processes).toHaveLength(2);
      expect(view.processes[1]).toMatchObject({ name: "sleep", ppidInside: 1 });
      // The kernel's answer: the PIDs in the container's own /proc (ls runs outside its PID namespace, so it
      // does not list itself).
      const r = await runHost(["nsenter", "--target", String(initPid), "--mount", "ls", "/proc"]);
      const inside = r.stdout
        .split("\n")
        .filter((n) => /^\d+$/.test(n))
        .map(Number)
        .sort((a, b) => a - b);
      expect(inside).toEqual(view.processes.map((p) => p.pidInside));
    });

    it("sees the container's processes from the host too, as nested, with their host PIDs", async () => {
      const host = await readProcessesSeenBy("self");
      const init = host.processes.find((p) => p.pid === initPid);
      expect(init).toMatchObject({ pidInside: initPid, nested: true });
      expect(host.processes.length).toBeGreaterThan(2);
    });

    it("reads the hostname set inside, which differs from the host's", async () => {
      expect(await readHostname(initPid)).toBe(HOSTNAME);
      expect(await readHostname("self")).toBe(hostname());
      expect(hostname()).not.toBe(HOSTNAME);
    });

    it("shows lo (down) and the veth end moved in, with the host end as its peer, and no routes", async () => {
      const inside = await readInterfaces(initPid);
      expect(inside.map((i) => i.name)).toEqual(["lo", VETH_INSIDE]);
      expect(inside[0]).toMatchObject({ linkType: "loopback", up: false, addresses: [] });
      const hostEnd = (await readInterfaces("self")).find((i) => i.name === VETH_HOST);
      expect(inside[1]).toMatchObject({ kind: "veth", peerIndex: hostEnd?.index });
      expect(hostEnd?.peerIndex).toBe(inside[1]?.index);
      expect(await readRoutes(initPid)).toEqual([]);
      expect((await readNetDev(initPid)).map((d) => d.interface)).toEqual(["lo", VETH_INSIDE]);
    });

    it("finds a mount made inside below a shared host mount only inside, with each side's propagation", async () => {
      const [host, inside] = await Promise.all([readMounts("self"), readMounts(initPid)]);
      expect(host.some((m) => m.mountPoint === insideMount)).toBe(false);
      const made = inside.find((m) => m.mountPoint === insideMount);
      expect(made).toMatchObject({ fsType: "tmpfs", source: "nsbook-g", propagation: "private" });
      expect(inside.every((m) => m.propagation === "private")).toBe(true);
      const diff = diffMounts(host, inside);
      expect(diff.onlyInside.map((m) => m.mountPoint)).toContain(insideMount);
      expect(diff.rows.find((r) => r.mountPoint === sharedMount)).toMatchObject({
        where: "both",
        hostPropagation: "shared",
        containerPropagation: "private",
      });
    });

    it("puts everything side by side in one object", async () => {
      const report: ContainerVsHost = await inspectContainerVsHost(initPid);
      expect(report.hostname).toEqual({ host: hostname(), container: HOSTNAME });
      expect(report.namespaces.find((r) => r.link === "net")?.relation).toBe("different");
      expect(report.processes.container.processes.map((p) => p.pidInside)[0]).toBe(1);
      expect(report.processes.host.total).toBeGreaterThan(report.processes.container.processes.length);
      expect(report.processes.host.perNamespace).toContainEqual({
        inode: report.processes.container.namespace.inode,
        processes: 2,
      });
      const onlyInside = report.mounts.diff.onlyInside.map((m) => [m.mountPoint, m.fsType]);
      expect(onlyInside).toEqual(
        expect.arrayContaining([
          [insideMount, "tmpfs"],
          ["/proc", "proc"],
        ]),
      );
      // unshare --mount-proc stacks the new proc over the copy of the host's: both are in the container's table.
      expect(report.mounts.diff.rows.filter((r) => r.mountPoint === "/proc").map((r) => r.where)).toEqual([
        "both",
        "inside",
      ]);
      expect(report.network.interfaces.container.map((i) => i.name)).toEqual(["lo", VETH_INSIDE]);
      expect(report.network.interfaces.host.map((i) => i.name)).toContain(VETH_HOST);
      expect(report.network.netDev.container.map((d) => d.interface)).toEqual(["lo", VETH_INSIDE]);
    });
  },
);
