import { describe, expect, it } from "vitest";
import {
  buildLaunchArgv,
  CGROUP_JOIN_SCRIPT,
  INIT_EVAL,
  INIT_MARKER,
  INIT_SCRIPT,
  normalizeSpec,
  PIVOT_ROOT_SCRIPT,
  PREPARE_ROOT_SCRIPT,
} from "../../../src/lib/container/index.js";

const spec = (options: Parameters<typeof normalizeSpec>[0]) =>
  normalizeSpec({ name: "web", ...options }, "/data/rootfs/busybox", ["sleep", "infinity"], undefined);
const base = {
  mode: "root" as const,
  stateDir: "/run/nsbook/web",
  reportReady: true,
  dieWithLauncher: false,
};
const INIT_TAIL = [
  "/bin/sh",
  "-c",
  INIT_EVAL,
  INIT_MARKER,
  "/run/nsbook/web",
  "web",
  "/",
  "ready",
  "sleep",
  "infinity",
];

describe("buildLaunchArgv", () => {
  it("runs unshare with --fork, --kill-child, the namespaces, private propagation, --root and --mount-proc", () => {
    const plan = buildLaunchArgv(spec({}), base);
    expect(plan.argv).toEqual([
      "unshare",
      "--fork",
      "--kill-child=SIGKILL",
      "--pid",
      "--mount",
      "--uts",
      "--ipc",
      "--net",
      "--propagation",
      "private",
      "--root=/data/rootfs/busybox",
      "--mount-proc",
      "--",
      ...INIT_TAIL,
    ]);
  });

  it("hands the init script over in the environment, where a user variable of that name cannot replace it", () => {
    const plan = buildLaunchArgv(spec({ env: { NSBOOK_INIT: "rm -rf /" } }), base);
    expect(plan.env.NSBOOK_INIT).toBe(INIT_SCRIPT);
    expect(plan.env.PATH).toBeDefined();
  });

  it("passes hostile names and arguments only as separate argv elements, never inside a script", () => {
    const evil = ["sh", "-c", "echo $(id); `reboot`", "'; rm -rf / #"];
    const plan = buildLaunchArgv(spec({ command: evil, workdir: "/tmp/$(x)" }), base);
    expect(plan.argv.slice(-4)).toEqual(evil);
    expect(plan.argv).toContain("/tmp/$(x)");
    // The shell texts are the constants, whatever the spec holds.
    expect(plan.argv[plan.argv.indexOf("-c") + 1]).toBe(INIT_EVAL);
    expect(plan.env.NSBOOK_INIT).toBe(INIT_SCRIPT);
    expect(plan.argv.filter((a) => a.includes("reboot"))).toEqual(["echo $(id); `reboot`"]);
  });

  it("leaves out propagation, --root's /proc and the hostname for a chroot-only container", () => {
    const plan = buildLaunchArgv(spec({ namespaces: [] }), { ...base, reportReady: false });
    expect(plan.argv).toEqual([
      "unshare",
      "--fork",
      "--kill-child=SIGKILL",
      "--root=/data/rootfs/busybox",
      "--",
      "/bin/sh",
      "-c",
      INIT_EVAL,
      INIT_MARKER,
      "/run/nsbook/web",
      "",
      "/",
      "",
      "sleep",
      "infinity",
    ]);
  });

  it("prepares pivot_root in stage 1 (mount and uts namespaces, hostname), then pivots as PID 1 of the pid namespace", () => {
    const plan = buildLaunchArgv(spec({ rootSwitch: "pivot_root" }), base);
    const stage2 = plan.argv.indexOf("unshare", 1);
    expect(plan.argv.slice(0, stage2)).toEqual([
      "unshare",
      "--mount",
      "--uts",
      "--propagation",
      "private",
      "--",
      "/bin/sh",
      "-c",
      PREPARE_ROOT_SCRIPT,
      "nsbook-prepare-root",
      "/data/rootfs/busybox",
      "pivot_root",
      "",
      "web",
    ]);
    expect(plan.argv.slice(stage2)).toEqual([
      "unshare",
      "--fork",
      "--kill-child=SIGKILL",
      "--pid",
      "--ipc",
      "--net",
      "--",
      "/bin/sh",
      "-c",
      PIVOT_ROOT_SCRIPT,
      "nsbook-pivot-root",
      "/data/rootfs/busybox",
      "proc",
      "-c",
      INIT_EVAL,
      INIT_MARKER,
      "/run/nsbook/web",
      "", // the hostname was set in stage 1
      "/",
      "ready",
      "sleep",
      "infinity",
    ]);
  });

  it("mounts a minimal /dev in stage 1 when the rootfs has no device nodes, then chroots in stage 2", () => {
    const noDevices = normalizeSpec({ name: "web" }, { dir: "/r", hasDevices: false }, ["true"], undefined);
    expect(noDevices.mountDev).toBe(true);
    const argv = buildLaunchArgv(noDevices, base).argv;
    const at = argv.indexOf(PREPARE_ROOT_SCRIPT);
    expect(argv.slice(0, 5)).toEqual(["unshare", "--mount", "--uts", "--propagation", "private"]);
    expect(argv.slice(at + 1, at + 9)).toEqual([
      "nsbook-prepare-root",
      "/r",
      "chroot",
      "dev",
      "web",
      "unshare",
      "--fork",
      "--kill-child=SIGKILL",
    ]);
    expect(argv.slice(at + 9, at + 14)).toEqual(["--pid", "--ipc", "--net", "--root=/r", "--mount-proc"]);
  });

  it("sets a rootless container's hostname in stage 1, made with the user namespace", () => {
    const s = spec({});
    const argv = buildLaunchArgv(
      { ...s, namespaces: ["user", "pid", "mount", "uts"] },
      { ...base, mode: "rootless" },
    ).argv;
    expect(argv.slice(0, 7)).toEqual([
      "unshare",
      "--map-root-user",
      "--user",
      "--mount",
      "--uts",
      "--propagation",
      "private",
    ]);
    const stage2 = argv.indexOf("unshare", 1);
    expect(argv.slice(stage2, stage2 + 6)).toEqual([
      "unshare",
      "--fork",
      "--kill-child=SIGKILL",
      "--pid",
      "--root=/data/rootfs/busybox",
      "--mount-proc",
    ]);
  });

  it("maps the caller to root in one unshare when nothing needs staging", () => {
    const s = spec({ namespaces: ["pid", "mount"] });
    const plan = buildLaunchArgv(
      { ...s, namespaces: ["user", "pid", "mount"] },
      { ...base, mode: "rootless" },
    );
    expect(plan.argv.slice(0, 7)).toEqual([
      "unshare",
      "--fork",
      "--kill-child=SIGKILL",
      "--map-root-user",
      "--user",
      "--pid",
      "--mount",
    ]);
  });

  it("ties a one-shot container to its launcher with setpriv --pdeathsig, except through sudo", () => {
    expect(buildLaunchArgv(spec({}), { ...base, dieWithLauncher: true }).argv.slice(0, 5)).toEqual([
      "setpriv",
      "--pdeathsig",
      "KILL",
      "--",
      "unshare",
    ]);
    const sudo = buildLaunchArgv(spec({}), { ...base, mode: "sudo", dieWithLauncher: true });
    expect(sudo.argv).not.toContain("setpriv");
  });

  it("goes through sudo -n env -i in sudo mode, since sudo resets the environment", () => {
    const plan = buildLaunchArgv(spec({ env: { A: "1 2" } }), { ...base, mode: "sudo" });
    expect(plan.argv.slice(0, 4)).toEqual(["sudo", "-n", "env", "-i"]);
    expect(plan.argv).toContain("A=1 2");
    expect(plan.argv).toContain(`NSBOOK_INIT=${INIT_SCRIPT}`);
    expect(plan.argv[plan.argv.indexOf("unshare") - 1]).toMatch(/^NSBOOK_INIT=/);
    expect(Object.keys(plan.env)).toEqual(["PATH"]);
  });

  it("joins the cgroups before unshare runs, the files passed as arguments", () => {
    const files = [
      "/sys/fs/cgroup/memory/nsbook-web/cgroup.procs",
      "/sys/fs/cgroup/cpu/nsbook-web/cgroup.procs",
    ];
    const plan = buildLaunchArgv(spec({}), { ...base, cgroupProcsFiles: files });
    expect(plan.argv.slice(0, 8)).toEqual([
      "/bin/sh",
      "-c",
      CGROUP_JOIN_SCRIPT,
      "nsbook-cgroup-join",
      ...files,
      "--",
      "unshare",
    ]);
  });

  it("carries the marker (nsbook-init, then the state directory) that lets cleanup find every process", () => {
    const argv = buildLaunchArgv(spec({}), { ...base, mode: "sudo", dieWithLauncher: true }).argv;
    expect(argv[argv.indexOf(INIT_MARKER) + 1]).toBe("/run/nsbook/web");
  });
});
