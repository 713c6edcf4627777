// pivot_root and hardening on the real kernel: the chroot escape really escapes a chroot and fails after
// pivot_root, dropped capabilities make mount and sethostname fail, runc's masked and read-only /proc paths,
// and a pids limit that stops a bounded fork loop. Nothing may be left behind.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runContainer, startContainer } from "../../../src/lib/container/index.js";
import { decodeCapabilityMask } from "../../../src/lib/hardening/index.js";
import {
  attemptChrootEscape,
  attemptProcRootEscape,
  boundedForkLoopScript,
  createEscapeLab,
  type EscapeLab,
  parseForkLoopStarted,
} from "../../../src/lib/lab/index.js";
import {
  type ContainerSandbox,
  eventually,
  makeContainerSandbox,
  markedProcesses,
  mountsUnder,
  stateDirsIn,
} from "../../support/container-fixtures.js";
import { all, describeWhen, needRoot, needTool } from "../../support/requirements.js";

let box: ContainerSandbox;
let lab: EscapeLab;

/** The value of a "Name:\thex" line of /proc/self/status as printed inside. */
function capLine(stdout: string, name: string): string[] {
  const hex = new RegExp(`^${name}:\\s*([0-9a-f]+)$`, "m").exec(stdout)?.[1];
  if (hex === undefined) throw new Error(`no ${name} line in ${stdout}`);
  return decodeCapabilityMask(hex);
}

/** Left-over FIFO folders of the hardened pivot (it removes them before the container starts). */
function capsTempDirs(): string[] {
  return readdirSync(tmpdir()).filter((f) => f.startsWith("nsbook-caps."));
}

describeWhen(all(needRoot(), needTool("setpriv", "util-linux")), "pivot_root and hardening", () => {
  beforeAll(async () => {
    box = await makeContainerSandbox("nsbook-harden-test-");
    lab = await createEscapeLab({ parent: box.home });
  });

  afterAll(async () => {
    await eventually(async () => (await markedProcesses(box.runDir)).length === 0);
    const leftovers = {
      processes: await markedProcesses(box.runDir),
      state: stateDirsIn(box.runDir),
      mounts: mountsUnder(box.home),
      capsDirs: capsTempDirs(),
    };
    await lab?.dispose();
    box.dispose();
    expect(leftovers).toEqual({ processes: [], state: [], mounts: [], capsDirs: [] });
    expect(existsSync(box.home)).toBe(false);
  });

  describeWhen(needTool("gcc", "build-essential"), "the chroot escape", () => {
    it("gets out of a chroot: the escaped process reads a host file outside the rootfs", async () => {
      expect(lab.escapeToolMissing).toBeUndefined();
      const r = await attemptChrootEscape(lab, "chroot", { name: "nsbook-harden-esc1" });
      expect(r.stdout.trim()).toBe(lab.token);
      expect(r).toMatchObject({ escaped: true, exitCode: 0 });
    });

    it("stays inside after pivot_root with the old root detached", async () => {
      const r = await attemptChrootEscape(lab, "pivot_root", { name: "nsbook-harden-esc2" });
      expect(r.escaped).toBe(false);
      expect(r.exitCode).not.toBe(0);
      expect(r.stderr).toMatch(/No such file or directory/);
    });

    it("is refused with EPERM once CAP_SYS_CHROOT is dropped", async () => {
      const r = await runContainer({
        name: "nsbook-harden-esc3",
        rootfs: lab.rootfs,
        capDrop: ["SYS_CHROOT"],
        command: ["/bin/chroot-escape", "/bin/cat", lab.markerPath],
      });
      expect(r.stdout).not.toContain(lab.token);
      expect(r.stderr).toMatch(/chroot\(.*\): Operation not permitted/);
    });
  });

  it("reaches the host through /proc/PID/root without a pid namespace, and not with one and pivot_root", async () => {
    const out = await attemptProcRootEscape(lab, "chroot-only", { name: "nsbook-harden-proc1" });
    expect(out.stdout.trim()).toBe(lab.token);
    const held = await attemptProcRootEscape(lab, "isolated", { name: "nsbook-harden-proc2" });
    expect(held.escaped).toBe(false);
    expect(held.exitCode).not.toBe(0);
  });

  it("drops SYS_ADMIN from every set: mount and sethostname fail with EPERM, the hostname was set before", async () => {
    const r = await runContainer({
      name: "nsbook-harden-caps",
      rootfs: box.rootfs,
      hostname: "nsbook-hardened",
      capDrop: ["sys_admin", "CAP_MKNOD"],
      command: [
        "/bin/sh",
        "-c",
        "grep ^Cap /proc/self/status; hostname; mount -t tmpfs nsbook-t /mnt; echo mount=$?; " +
          "hostname other; echo sethostname=$?",
      ],
    });
    for (const set of ["CapEff", "CapPrm", "CapBnd"]) {
      const caps = capLine(r.stdout, set);
      expect(caps).not.toContain("SYS_ADMIN");
      expect(caps).not.toContain("MKNOD");
      expect(caps).toContain("CHOWN");
    }
    expect(capLine(r.stdout, "CapInh")).toEqual([]);
    expect(capLine(r.stdout, "CapAmb")).toEqual([]);
    expect(r.stdout).toContain("nsbook-hardened\n");
    expect(r.stdout).toMatch(/mount=[1-9]/);
    expect(r.stdout).toMatch(/sethostname=[1-9]/);
    expect(r.stderr).toMatch(/mount: permission denied/);
    expect(r.stderr).toMatch(/sethostname: Operation not permitted/);
  });

  it("leaves root with no capability at all with ALL, and keeps them all by default", async () => {
    const cmd = ["/bin/sh", "-c", "grep ^CapEff /proc/self/status"];
    const none = await runContainer({
      name: "nsbook-harden-all",
      rootfs: box.rootfs,
      capDrop: ["ALL"],
      command: cmd,
    });
    expect(capLine(none.stdout, "CapEff")).toEqual([]);
    const full = await runContainer({ name: "nsbook-harden-full", rootfs: box.rootfs, command: cmd });
    expect(capLine(full.stdout, "CapEff")).toContain("SYS_ADMIN");
  });

  it("masks runc's paths (they read empty) and makes /proc/sys read-only (EROFS), inside only", async () => {
    const script =
      "wc -c < /proc/keys; cat /proc/timer_list | wc -c; ls /proc/scsi 2>/dev/null | wc -l; " +
      "echo nsbook-rw > /proc/sys/kernel/hostname; echo write=$?; hostname";
    const hardened = await runContainer({
      name: "nsbook-harden-paths",
      rootfs: box.rootfs,
      hardening: { maskPaths: true, readonlyPaths: true },
      command: ["/bin/sh", "-c", script],
    });
    const lines = hardened.stdout.trim().split("\n");
    expect(lines.slice(0, 3).map((l) => l.trim())).toEqual(["0", "0", "0"]);
    expect(lines[3]).toMatch(/write=[1-9]/);
    expect(lines[4]).toBe("nsbook-harden-paths");
    expect(hardened.stderr).toMatch(/Read-only file system/);
    // The same write in a default container works (it renames only that container's UTS namespace).
    const plain = await runContainer({
      name: "nsbook-harden-plain",
      rootfs: box.rootfs,
      command: ["/bin/sh", "-c", script],
    });
    expect(plain.stdout).toMatch(/write=0\nnsbook-rw\n/);
    expect(Number(plain.stdout.split("\n")[0])).toBeGreaterThan(0);
    // Host's /proc unchanged: still writable, its keys still readable.
    expect(readFileSync("/proc/keys", "utf8").length).toBeGreaterThan(0);
  });

  it("starts a detached hardened container whose init has no capability, and removes it completely", async () => {
    const c = await startContainer({
      name: "nsbook-harden-detached",
      rootfs: box.rootfs,
      capDrop: ["ALL"],
      hardening: { maskPaths: true, readonlyPaths: true, noNewPrivs: true },
    });
    try {
      const status = readFileSync(`/proc/${c.pid}/status`, "utf8");
      expect(capLine(status, "CapEff")).toEqual([]);
      expect(capLine(status, "CapBnd")).toEqual([]);
      expect(/^NoNewPrivs:\s*1$/m.test(status)).toBe(true);
      // exec (nsenter) does not inherit the drop: documented; it still sees the masks.
      const r = await c.exec(["/bin/sh", "-c", "wc -c < /proc/keys"]);
      expect(r.stdout.trim()).toBe("0");
    } finally {
      await c.remove({ force: true });
    }
    expect(stateDirsIn(box.runDir)).not.toContain("nsbook-harden-detached");
  });

  it("stops a bounded fork loop at the pids limit, and every sleeper dies with the container", async () => {
    const r = await runContainer({
      name: "nsbook-harden-pids",
      rootfs: box.rootfs,
      resources: { pids: 20 },
      command: ["/bin/sh", "-c", boundedForkLoopScript(500)],
    });
    const started = parseForkLoopStarted(r.stdout);
    expect(started).toBeDefined();
    expect(started as number).toBeLessThan(20);
    expect(r.stderr).toMatch(/can't fork/);
    expect(r.exitMessage ?? "").toMatch(/forks? refused/);
    expect(await markedProcesses(box.runDir)).toEqual([]);
  });
});
