import { describe, expect, it } from "vitest";
import { overlayUpperCheck } from "../../../src/lib/doctor/checks/index.js";
import { type DoctorFacts, type DoctorReport, evaluateDoctor } from "../../../src/lib/doctor/index.js";
import {
  cgroupsOf,
  halfDelegated,
  notWritable,
  refused,
  rootFacts,
  rootlessFacts,
  worked,
} from "./doctor-facts.js";

const checkOf = (r: DoctorReport, id: string) => {
  const c = r.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
};
const blocked = (r: DoctorReport) => r.steps.filter((s) => !s.runnable).map((s) => s.step);

describe("evaluateDoctor: root on this project's hybrid VM", () => {
  const report = evaluateDoctor(rootFacts());

  it("finds the whole course runnable", () => {
    expect(report.ok).toBe(true);
    expect(blocked(report)).toEqual([]);
    expect(report.privilege).toBe("root");
    expect(report.kernelRelease).toBe("6.18.44-fc-v669");
  });

  it("reports hybrid cgroups with memory, cpu and pids on v1 and the caller's own memory cgroup", () => {
    expect(report.cgroups.layout).toBe("hybrid");
    expect(checkOf(report, "cgroup.layout").detail).toMatch(
      /^hybrid: v1 hierarchies under \/sys\/fs\/cgroup, v2 at \/sys\/fs\/cgroup\/unified/,
    );
    expect(checkOf(report, "cgroup.memory")).toMatchObject({ status: "ok" });
    expect(checkOf(report, "cgroup.memory").detail).toMatch(
      /^v1 at \/sys\/fs\/cgroup\/memory, caller in \/process_api\/[0-9a-f]+, can create children$/,
    );
    for (const c of ["cpu", "pids"]) expect(checkOf(report, `cgroup.${c}`).detail).toMatch(/^v1 at /);
  });

  it("lists every section with its checks", () => {
    expect([...new Set(report.checks.map((c) => c.group))]).toEqual([
      "privilege",
      "kernel",
      "environment",
      "namespaces",
      "filesystems",
      "cgroups",
      "userns",
      "rootfs",
      "tools",
    ]);
    expect(report.checks.filter((c) => c.group === "namespaces").map((c) => c.id)).toEqual([
      "ns.pid",
      "ns.mount",
      "ns.proc",
      "ns.uts",
      "ns.ipc",
      "ns.net",
      "ns.user",
      "ns.cgroup",
    ]);
  });

  it("shows tool versions and that busybox is static", () => {
    expect(checkOf(report, "tool.unshare").detail).toBe("2.38.1, /usr/bin/unshare");
    expect(checkOf(report, "tool.ip").detail).toBe("6.1.0, /usr/sbin/ip");
    expect(checkOf(report, "tool.busybox").detail).toBe("1.35.0, /usr/bin/busybox, static");
    expect(checkOf(report, "tool.jupyter").detail).toBe("notebook 6.4.12, /usr/bin/jupyter");
    expect(checkOf(report, "tool.node")).toMatchObject({ status: "ok", detail: "v20.20.2" });
  });
});

describe("evaluateDoctor: privilege modes", () => {
  it("rootless: says which steps the mode cannot run and why, and exits non-zero", () => {
    const r = evaluateDoctor(rootlessFacts());
    expect(r.privilege).toBe("rootless");
    expect(checkOf(r, "privilege.mode")).toMatchObject({ status: "warn" });
    expect(checkOf(r, "privilege.mode").detail).toMatch(/cannot run steps 6, 8$/);
    expect(blocked(r)).toEqual([6, 8]);
    const six = r.steps.find((s) => s.step === 6);
    expect(six?.blockedBy).toEqual(["privilege.mode", "cgroup.memory", "cgroup.cpu", "cgroup.cpuacct"]);
    expect(six?.why).toMatch(/^rootless mode: .*creating cgroups needs root; blocked by cgroup memory/);
    expect(r.steps.find((s) => s.step === 8)?.blockedBy).toEqual(["privilege.mode"]);
    expect(r.ok).toBe(false);
  });

  it("sudo: judges cgroups as root would, but keeps step 6 back (limits are written by nsbook's own process)", () => {
    const r = evaluateDoctor(
      rootlessFacts({
        privilege: {
          uid: 1001,
          sudo: worked(["sudo", "-n", "true"]),
          userns: worked(["unshare", "--user", "--map-root-user", "true"]),
          sysctls: {},
        },
        probes: undefined,
      }),
    );
    expect(r.privilege).toBe("sudo");
    expect(checkOf(r, "cgroup.memory")).toMatchObject({ status: "ok" });
    expect(checkOf(r, "cgroup.memory").detail).toMatch(/\(as root, through sudo\)$/);
    expect(r.steps.find((s) => s.step === 6)).toMatchObject({ runnable: false });
    expect(r.steps.find((s) => s.step === 6)?.why).toMatch(/run nsbook itself as root/);
    expect(r.steps.filter((s) => s.step !== 6 && s.step <= 7).every((s) => s.runnable)).toBe(true);
    expect(r.ok).toBe(false);
  });

  it("none on Ubuntu 24.04: privilege fails with the AppArmor fix and every step is blocked", () => {
    const r = evaluateDoctor(
      rootlessFacts({
        privilege: {
          uid: 1001,
          sudo: refused(["sudo", "-n", "true"], "sudo: a password is required"),
          userns: refused(
            ["unshare", "--user", "--map-root-user", "true"],
            "unshare: write failed /proc/self/uid_map: Operation not permitted",
          ),
          sysctls: { apparmorRestrictUnprivilegedUserns: "1", maxUserNamespaces: "63590" },
        },
        probes: {
          "ns.pid": refused(
            ["unshare", "--pid", "--fork", "true"],
            "unshare: unshare failed: Operation not permitted",
          ),
        },
      }),
    );
    expect(checkOf(r, "privilege.mode").status).toBe("fail");
    expect(checkOf(r, "privilege.mode").fix).toMatch(/kernel\.apparmor_restrict_unprivileged_userns=0/);
    expect(checkOf(r, "userns.apparmor")).toMatchObject({ status: "warn" });
    expect(checkOf(r, "ns.pid").fix).toMatch(/kernel\.apparmor_restrict_unprivileged_userns=0/);
    expect(blocked(r)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("root without CAP_SYS_ADMIN (a container without privileges) fails the privilege check", () => {
    const r = evaluateDoctor(
      rootFacts({
        privilege: { uid: 0, sysctls: {}, capEff: "00000000a80425fb" },
        environment: { dockerenv: true, containerenv: false },
      }),
    );
    expect(checkOf(r, "privilege.mode")).toMatchObject({ status: "fail" });
    expect(checkOf(r, "env.container")).toMatchObject({ status: "warn" });
    expect(checkOf(r, "env.container").detail).toMatch(
      /without privileges \(\/\.dockerenv, root lacks CAP_SYS_ADMIN\)/,
    );
    expect(r.ok).toBe(false);
  });
});

describe("evaluateDoctor: cgroup layouts", () => {
  const withCgroups = (name: Parameters<typeof cgroupsOf>[0]) =>
    evaluateDoctor(rootFacts({ cgroups: cgroupsOf(name) }));

  it("pure v2 in the root cgroup: the course runs", () => {
    const r = withCgroups("pure-v2-root-cgroup-vm");
    expect(checkOf(r, "cgroup.layout").detail).toMatch(/^v2: one unified hierarchy at \/sys\/fs\/cgroup/);
    expect(checkOf(r, "cgroup.cpuacct").detail).toMatch(
      /no cpuacct controller: CPU usage is usage_usec in cpu\.stat/,
    );
    expect(r.ok).toBe(true);
  });

  it("pure v2 in a delegated leaf with processes: usable, nsbook moves them into nsbook-leaf first", () => {
    const r = withCgroups("pure-v2-delegated-leaf-vm");
    expect(r.steps.find((s) => s.step === 6)?.blockedBy ?? []).toEqual([]);
    expect(checkOf(r, "cgroup.memory")).toMatchObject({ status: "ok" });
    expect(checkOf(r, "cgroup.memory").detail).toMatch(
      /nsbook will move this cgroup's processes into \/sys\/fs\/cgroup\/user\.slice\/x\.scope\/nsbook-leaf first/,
    );
  });

  it("pure v2 in a leaf with processes, not delegated: step 6 blocked by memory and cpu, not cpuacct", () => {
    const r = evaluateDoctor(rootFacts({ cgroups: halfDelegated(cgroupsOf("pure-v2-delegated-leaf-vm")) }));
    expect(r.steps.find((s) => s.step === 6)?.blockedBy).toEqual(["cgroup.memory", "cgroup.cpu"]);
    expect(checkOf(r, "cgroup.memory").fix).toMatch(/cgroup\.procs/);
    expect(checkOf(r, "cgroup.pids").status).toBe("warn");
    expect(r.ok).toBe(false);
  });

  it("legacy v1 with cpu and cpuacct co-mounted: says so", () => {
    const r = withCgroups("pure-v1-old-centos7");
    expect(checkOf(r, "cgroup.cpu").detail).toMatch(
      /^v1 at \/sys\/fs\/cgroup\/cpu,cpuacct \(with cpuacct,cpu\), caller in \/user\.slice/,
    );
    expect(checkOf(r, "cgroup.layout").detail).toMatch(/^v1: one hierarchy per controller/);
    expect(r.ok).toBe(true);
  });

  it("WSL2 kernel without v1 memory: memory on the unified hierarchy needs enabling", () => {
    const wsl = { ...notWritable(cgroupsOf("wsl2-hybrid-no-memory-v1")), uid: 0 };
    wsl.dirAccess = Object.fromEntries(Object.keys(wsl.dirAccess).map((d) => [d, "writable" as const]));
    const r = evaluateDoctor(
      rootFacts({
        cgroups: wsl,
        kernelRelease: "6.18.33.1-microsoft-standard-WSL2",
        environment: { dockerenv: false, containerenv: false, wslDistroName: "Ubuntu" },
      }),
    );
    expect(checkOf(r, "env.wsl")).toMatchObject({
      status: "info",
      detail: "WSL2 (distro Ubuntu), kernel 6.18.33.1-microsoft-standard-WSL2",
    });
    expect(checkOf(r, "cgroup.memory")).toMatchObject({
      status: "fail",
      fix: "echo +memory | sudo tee /sys/fs/cgroup/unified/cgroup.subtree_control",
    });
    expect(checkOf(r, "cgroup.cpu").detail).toMatch(/^v1 at \/sys\/fs\/cgroup\/cpu/);
  });

  it("a container without privileges: read-only cgroupfs named as the reason", () => {
    const r = evaluateDoctor(
      rootFacts({
        cgroups: cgroupsOf("docker-unprivileged-v2"),
        environment: { dockerenv: true, containerenv: false },
      }),
    );
    expect(checkOf(r, "env.container").detail).toMatch(/cgroupfs is read-only/);
    expect(checkOf(r, "cgroup.memory").fix).toMatch(/--privileged --cgroupns=host/);
    expect(blocked(r)).toContain(6);
  });

  it("no cgroup filesystem: layout fails softly, the controllers block step 6", () => {
    const r = evaluateDoctor(
      rootFacts({
        cgroups: {
          mountinfo: "27 1 254:0 / / rw - ext4 /dev/vda rw\n",
          procSelfCgroup: "",
          files: {},
          dirAccess: {},
          uid: 0,
        },
      }),
    );
    expect(checkOf(r, "cgroup.layout")).toMatchObject({
      status: "warn",
      fix: "mount cgroup v2: `sudo mount -t cgroup2 none /sys/fs/cgroup`",
    });
    expect(r.steps.find((s) => s.step === 6)?.blockedBy).toEqual([
      "cgroup.memory",
      "cgroup.cpu",
      "cgroup.cpuacct",
    ]);
  });
});

describe("evaluateDoctor: namespaces and filesystems", () => {
  it("names the command that failed and what the kernel said", () => {
    const probes = {
      ...rootFacts().probes,
      "ns.net": refused(["unshare", "--net", "true"], "unshare: unshare failed: Operation not permitted"),
    };
    const r = evaluateDoctor(rootFacts({ probes }));
    const net = checkOf(r, "ns.net");
    expect(net).toMatchObject({
      status: "fail",
      detail: "`unshare --net true` failed: unshare: unshare failed: Operation not permitted",
    });
    expect(net.fix).toMatch(/Run with sudo/);
    expect(blocked(r)).toEqual([5, 7, 8]);
  });

  it("as root with no hint to give, suspects a container without privileges", () => {
    const probes = {
      ...rootFacts().probes,
      "ns.cgroup": refused(["unshare", "--cgroup", "true"], "unshare: unshare failed: Invalid argument"),
    };
    const c = checkOf(evaluateDoctor(rootFacts({ probes })), "ns.cgroup");
    expect(c.status).toBe("warn");
    expect(c.fix).toMatch(/container without privileges/);
  });

  it("rootless overlay failing points to Linux 5.11", () => {
    const probes = {
      ...rootlessFacts().probes,
      "fs.overlay": refused(
        ["unshare", "--user", "--map-root-user", "--mount", "mount", "-t", "overlay"],
        "mount: /tmp/m: permission denied.",
      ),
    };
    const r = evaluateDoctor(rootlessFacts({ probes, kernelRelease: "5.10.0-28-amd64" }));
    expect(checkOf(r, "fs.overlay").fix).toMatch(/Linux 5\.11\+/);
    expect(checkOf(r, "kernel.release")).toMatchObject({ status: "warn" });
    expect(r.steps.find((s) => s.step === 10)?.blockedBy).toEqual(["fs.overlay"]);
  });

  it("says probes were not tried when probing is off, and does not block on them", () => {
    const r = evaluateDoctor(rootFacts({ probes: undefined }));
    expect(checkOf(r, "ns.pid")).toMatchObject({
      status: "info",
      detail: "not tried (probing was turned off)",
    });
    expect(r.ok).toBe(true);
  });
});

describe("evaluateDoctor: environment, rootfs, tools", () => {
  it("WSL1 blocks everything with the conversion command", () => {
    const r = evaluateDoctor(
      rootFacts({
        kernelRelease: "4.4.0-19041-Microsoft",
        environment: { dockerenv: false, containerenv: false, wslDistroName: "Ubuntu" },
      }),
    );
    expect(checkOf(r, "env.wsl")).toMatchObject({
      status: "fail",
      fix: "convert the distro to WSL2: in PowerShell, `wsl --set-version Ubuntu 2`",
    });
    expect(blocked(r)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("recognises a container from PID 1's cgroup and calls it fine when privileged", () => {
    const r = evaluateDoctor(
      rootFacts({
        environment: {
          dockerenv: false,
          containerenv: false,
          pid1Cgroup: "0::/system.slice/docker-4f1c.scope\n",
        },
      }),
    );
    expect(checkOf(r, "env.container")).toMatchObject({
      status: "info",
      detail: "looks like a container (PID 1's cgroup), with privileges: fine",
    });
    const podman = evaluateDoctor(
      rootFacts({ environment: { dockerenv: false, containerenv: true, containerVar: "podman" } }),
    );
    expect(checkOf(podman, "env.container").detail).toMatch(/\/run\/\.containerenv, \$container=podman/);
  });

  it("a missing default rootfs blocks every step, with `nsbook rootfs default` as the fix", () => {
    const r = evaluateDoctor(
      rootFacts({ rootfs: { dir: "/var/lib/nsbook/rootfs/busybox", hasBusybox: false, hasSh: false } }),
    );
    expect(checkOf(r, "rootfs.default")).toMatchObject({ status: "fail" });
    expect(checkOf(r, "rootfs.default").fix).toMatch(/^`nsbook rootfs default`/);
    expect(blocked(r)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(r.ok).toBe(false);
  });

  it("a missing tool fails with its Debian package; an optional one only warns", () => {
    const base = rootFacts();
    const r = evaluateDoctor(rootFacts({ tools: { ...base.tools, nsenter: {}, jupyter: {} } }));
    expect(checkOf(r, "tool.nsenter")).toMatchObject({
      status: "fail",
      fix: "`sudo apt-get install util-linux`",
    });
    expect(checkOf(r, "tool.jupyter")).toMatchObject({
      status: "warn",
      fix: "`sudo apt-get install jupyter-notebook`",
    });
    expect(blocked(r)).toEqual([7]);
  });

  it("says the learner's Jupyter kernel runs rootless without the course's sudo rule, and how to grant it", () => {
    const kernel = checkOf(evaluateDoctor(rootlessFacts()), "privilege.kernel");
    expect(kernel).toMatchObject({ status: "warn" });
    expect(kernel.detail).toMatch(/runs as you \(uid 1001\), rootless.*notebooks 01-11 need root/);
    expect(kernel.fix).toMatch(/\.\/setup\.sh --kernel-root=yes/);
  });

  it("says a root doctor reached through the course's rule reports what the learner's root kernel can do", () => {
    const base = rootFacts();
    const r = evaluateDoctor(
      rootFacts({ privilege: { ...base.privilege, rootVia: "course-rule", sudoUser: "learner" } }),
    );
    expect(checkOf(r, "privilege.kernel")).toMatchObject({
      status: "ok",
      detail:
        "runs as root through the course's sudo rule for learner: this report is what that kernel can do",
    });
  });

  it("a tool in /usr/sbin but off a user's PATH is found: nsbook and sudo look there (no false alarm for step 1)", () => {
    const r = evaluateDoctor(
      rootlessFacts({ tools: { ...rootFacts().tools, chroot: { offPath: "/usr/sbin/chroot" } } }),
    );
    expect(checkOf(r, "tool.chroot")).toMatchObject({ status: "ok" });
    expect(checkOf(r, "tool.chroot").detail).toMatch(/^\/usr\/sbin\/chroot \(not on your shell's PATH/);
    expect(checkOf(r, "tool.chroot").fix).toBeUndefined();
    expect(r.steps.find((s) => s.step === 1)?.runnable).toBe(true);
  });

  it("an old util-linux fails with the upgrade command", () => {
    const r = evaluateDoctor(
      rootFacts({
        tools: {
          ...rootFacts().tools,
          unshare: { path: "/usr/bin/unshare", versionOutput: "unshare from util-linux 2.31.1" },
        },
      }),
    );
    expect(checkOf(r, "tool.unshare")).toMatchObject({
      status: "fail",
      fix: "`sudo apt-get install --only-upgrade util-linux`",
    });
    expect(checkOf(r, "tool.unshare").detail).toMatch(/older than 2\.32, needed for --kill-child/);
  });

  it("a dynamically linked busybox is a warning with busybox-static as the fix", () => {
    const r = evaluateDoctor(
      rootFacts({
        tools: {
          ...rootFacts().tools,
          busybox: {
            path: "/usr/bin/busybox",
            versionOutput: "BusyBox v1.36.1 (Ubuntu 1:1.36.1-6ubuntu3)",
            isStatic: false,
          },
        },
      }),
    );
    expect(checkOf(r, "tool.busybox")).toMatchObject({
      status: "warn",
      fix: "`sudo apt-get install busybox-static`",
    });
  });

  it("an old Node blocks every step", () => {
    const r = evaluateDoctor(rootFacts({ nodeVersion: "18.19.1" }));
    expect(checkOf(r, "tool.node")).toMatchObject({ status: "fail" });
    expect(blocked(r)).toHaveLength(11);
  });
});

describe("evaluateDoctor: every problem has a fix", () => {
  const scenarios: [string, DoctorFacts][] = [
    ["root, hybrid", rootFacts()],
    ["rootless, hybrid", rootlessFacts()],
    ["root, v2 leaf", rootFacts({ cgroups: cgroupsOf("pure-v2-delegated-leaf-vm") })],
    ["user, Ubuntu session", rootlessFacts({ cgroups: cgroupsOf("pure-v2-ubuntu-systemd-user") })],
    ["root, container", rootFacts({ cgroups: cgroupsOf("docker-unprivileged-v2") })],
    [
      "user, WSL2",
      rootlessFacts({
        cgroups: cgroupsOf("wsl2-hybrid-no-memory-v1"),
        kernelRelease: "6.18.33.1-microsoft-standard-WSL2",
      }),
    ],
  ];
  it.each(scenarios)("%s", (_, facts) => {
    const r = evaluateDoctor(facts);
    for (const c of r.checks.filter((x) => x.status === "warn" || x.status === "fail")) {
      expect(c.fix, `${c.id} has no fix`).toBeTruthy();
    }
    for (const s of r.steps.filter((x) => !x.runnable)) {
      expect(s.why).toBeTruthy();
      expect(s.blockedBy?.length).toBeGreaterThan(0);
    }
    expect(r.ok).toBe(r.steps.filter((s) => s.step <= 7).every((s) => s.runnable));
  });

  it("reports a failure nothing in steps 1-7 needs as a warning, still blocking its own step", () => {
    const probes = {
      ...rootFacts().probes,
      "fs.overlay": refused(["unshare", "--mount", "mount"], "mount: unknown filesystem type 'overlay'.", 32),
    };
    const r = evaluateDoctor(rootFacts({ probes }));
    expect(checkOf(r, "fs.overlay").status).toBe("warn");
    expect(r.ok).toBe(true);
    expect(blocked(r)).toEqual([10]);
  });
});

// A podman container's mountinfo (trimmed): its root is an overlayfs; /run and /tmp are not mounted apart.
const CONTAINER_ROOT =
  "1133 1000 0:123 / / rw,relatime - overlay overlay rw,lowerdir=/var/lib/containers/storage/overlay/l/A,upperdir=/var/lib/containers/storage/overlay/x/diff,workdir=/var/lib/containers/storage/overlay/x/work\n" +
  "1134 1133 0:124 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw\n" +
  "1135 1133 0:125 / /dev rw,nosuid - tmpfs tmpfs rw,size=65536k,mode=755\n";
const TMPFS_ON_RUN_NSBOOK = "1200 1133 0:130 / /run/nsbook rw,relatime - tmpfs nsbook-tmpfs rw,mode=755\n";

describe("overlay upper layers (fs.overlay-upper)", () => {
  it("refuses a run directory on a container's overlayfs root, with the fix", () => {
    const c = overlayUpperCheck("/run/nsbook", CONTAINER_ROOT);
    expect(c).toMatchObject({ id: "fs.overlay-upper", group: "filesystems", status: "fail" });
    expect(c.detail).toMatch(
      /^\/run\/nsbook is on overlay \(mounted on \/\): the kernel refuses an overlayfs/,
    );
    expect(c.fix).toMatch(/--tmpfs \/run\/nsbook:exec/);
  });

  it("accepts it once a tmpfs is mounted on it (the image's entrypoint), and a host's own filesystems", () => {
    expect(overlayUpperCheck("/run/nsbook", CONTAINER_ROOT + TMPFS_ON_RUN_NSBOOK)).toMatchObject({
      status: "ok",
      detail: "/run/nsbook is on tmpfs (mounted on /run/nsbook)",
    });
    // A mount point that is only a string prefix of the run directory does not count.
    expect(overlayUpperCheck("/run/nsbook-2", CONTAINER_ROOT + TMPFS_ON_RUN_NSBOOK).status).toBe("fail");
    const host =
      "22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw\n23 22 0:21 / /run rw,nosuid - tmpfs tmpfs rw\n";
    expect(overlayUpperCheck("/run/nsbook", host).detail).toBe("/run/nsbook is on tmpfs (mounted on /run)");
    expect(overlayUpperCheck("/tmp/nsbook-1000", host).detail).toBe(
      "/tmp/nsbook-1000 is on ext4 (mounted on /)",
    );
  });

  it("blocks step 10 only, in a container without the tmpfs", () => {
    const facts = rootFacts();
    const r = evaluateDoctor(
      rootFacts({
        environment: { dockerenv: false, containerenv: true, containerVar: "podman", runDir: "/run/nsbook" },
        cgroups: { ...facts.cgroups, mountinfo: facts.cgroups.mountinfo + CONTAINER_ROOT },
      }),
    );
    expect(checkOf(r, "fs.overlay-upper").status).toBe("warn");
    expect(blocked(r)).toEqual([10]);
    expect(r.ok).toBe(true);
  });

  it("checks the data directory's layers and kept uppers too", () => {
    const c = overlayUpperCheck("/run/nsbook", CONTAINER_ROOT + TMPFS_ON_RUN_NSBOOK, "/var/lib/nsbook");
    expect(c.status).toBe("fail");
    expect(c.detail).toMatch(
      /^\/var\/lib\/nsbook\/uppers is on overlay \(mounted on \/\); \/var\/lib\/nsbook\/layers is on overlay/,
    );
    expect(c.fix).toMatch(/--tmpfs \/var\/lib\/nsbook\/uppers:exec --tmpfs \/var\/lib\/nsbook\/layers:exec/);
    const tmpfsOnLayers =
      "1201 1133 0:131 / /var/lib/nsbook/uppers rw - tmpfs nsbook-tmpfs rw\n1202 1133 0:132 / /var/lib/nsbook/layers rw - tmpfs nsbook-tmpfs rw\n";
    expect(
      overlayUpperCheck(
        "/run/nsbook",
        CONTAINER_ROOT + TMPFS_ON_RUN_NSBOOK + tmpfsOnLayers,
        "/var/lib/nsbook",
      ).status,
    ).toBe("ok");
  });

  it("says so when the run directory is unknown", () => {
    expect(overlayUpperCheck(undefined, CONTAINER_ROOT).status).toBe("info");
  });
});
