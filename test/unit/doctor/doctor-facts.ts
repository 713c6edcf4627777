// Doctor facts for unit tests: a healthy root on this project's hybrid VM (captured cgroup files and the
// version lines its tools really print), to be varied one fact at a time.
import type { CgroupFacts } from "../../../src/lib/cgroups/detect/index.js";
import { type DoctorFacts, PROBES, type ProbeId } from "../../../src/lib/doctor/index.js";
import type { CommandOutcome } from "../../../src/lib/privilege/index.js";
import { type HostFixtureName, loadHostFixture } from "../../fixtures/hosts/load-host-fixture.js";

/** A command that worked. */
export const worked = (argv: string[]): CommandOutcome => ({
  command: argv.join(" "),
  argv,
  ok: true,
  exitCode: 0,
  stderr: "",
});

/** A command that failed with `stderr`. */
export const refused = (argv: string[], stderr: string, exitCode = 1): CommandOutcome => ({
  command: argv.join(" "),
  argv,
  ok: false,
  exitCode,
  stderr,
});

/** Every probe succeeded (the commands as root would run them). */
export function allProbesWork(prefix: string[] = []): Partial<Record<ProbeId, CommandOutcome>> {
  return Object.fromEntries(
    PROBES.map((p) => [p.id, worked([...prefix, "unshare", ...(p.unshareFlags ?? []), "true"])]),
  );
}

/** Version lines captured on this project's Debian 12 VM. */
export const DEBIAN_TOOLS: DoctorFacts["tools"] = {
  unshare: { path: "/usr/bin/unshare", versionOutput: "unshare from util-linux 2.38.1" },
  nsenter: { path: "/usr/bin/nsenter", versionOutput: "nsenter from util-linux 2.38.1" },
  mount: {
    path: "/usr/bin/mount",
    versionOutput:
      "mount from util-linux 2.38.1 (libmount 2.38.1: selinux, smack, btrfs, verity, namespaces, assert, debug)",
  },
  chroot: {
    path: "/usr/sbin/chroot",
    versionOutput: "chroot (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.",
  },
  ip: { path: "/usr/sbin/ip", versionOutput: "ip utility, iproute2-6.1.0, libbpf 1.1.2" },
  busybox: {
    path: "/usr/bin/busybox",
    versionOutput:
      "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\nBusyBox is copyrighted by many authors",
    isStatic: true,
  },
  tar: { path: "/usr/bin/tar", versionOutput: "tar (GNU tar) 1.34" },
  setpriv: { path: "/usr/bin/setpriv", versionOutput: "setpriv from util-linux 2.38.1" },
  pivot_root: { path: "/usr/sbin/pivot_root", versionOutput: "pivot_root from util-linux 2.38.1" },
  jupyter: {
    path: "/usr/bin/jupyter",
    versionOutput:
      "Selected Jupyter core packages...\nIPython          : 8.5.0\njupyter_core     : 4.12.0\njupyterlab       : not installed\nnotebook         : 6.4.12",
  },
  "chromium-headless-shell": {
    path: "/usr/bin/chromium-headless-shell",
    versionOutput: "Chromium 156.0.8078.108",
  },
};

/** A healthy root on the hybrid VM; `over` replaces top-level fields. */
export function rootFacts(over: Partial<DoctorFacts> = {}): DoctorFacts {
  return {
    generatedAt: "2026-01-01T00:00:00.000Z",
    privilege: {
      uid: 0,
      userns: worked(["unshare", "--user", "--map-root-user", "true"]),
      sysctls: { maxUserNamespaces: "96365" },
      capEff: "000001ffffffffff",
    },
    kernelRelease: "6.18.44-fc-v669",
    environment: { dockerenv: false, containerenv: false, pid1Cgroup: "9:name=systemd:/\n0::/\n" },
    cgroups: loadHostFixture("hybrid-v1-debian"),
    probes: allProbesWork(),
    rootfs: { dir: "/var/lib/nsbook/rootfs/busybox", hasBusybox: true, hasSh: true },
    tools: DEBIAN_TOOLS,
    nodeVersion: "20.20.2",
    ...over,
  };
}

/** The same host as a non-root user (uid 1001) who has no sudo but working user namespaces. */
export function rootlessFacts(over: Partial<DoctorFacts> = {}): DoctorFacts {
  const base = rootFacts();
  return rootFacts({
    privilege: {
      uid: 1001,
      sudo: refused(["sudo", "-n", "true"], "sudo: a password is required"),
      userns: worked(["unshare", "--user", "--map-root-user", "true"]),
      sysctls: { maxUserNamespaces: "96365" },
      capEff: "0000000000000000",
    },
    cgroups: notWritable({ ...base.cgroups, uid: 1001 }),
    probes: allProbesWork(["--user", "--map-root-user"]),
    rootfs: { dir: "/home/u/.local/share/nsbook/rootfs/busybox", hasBusybox: true, hasSh: true },
    ...over,
  });
}

/** Cgroup facts with every caller directory not writable. */
export function notWritable(facts: CgroupFacts): CgroupFacts {
  return {
    ...facts,
    dirAccess: Object.fromEntries(Object.keys(facts.dirAccess).map((d) => [d, "not-writable" as const])),
  };
}

/**
 * Cgroup facts where the caller's cgroup directories stay writable but their cgroup.procs and
 * cgroup.subtree_control do not: not delegated, so nsbook may not move the processes into its leaf.
 */
export function halfDelegated(facts: CgroupFacts): CgroupFacts {
  return {
    ...facts,
    dirAccess: Object.fromEntries(
      Object.entries(facts.dirAccess).map(([d, a]) => [
        d,
        /\/cgroup\.(procs|subtree_control)$/.test(d) ? ("not-writable" as const) : a,
      ]),
    ),
  };
}

/** A captured host's cgroup facts. */
export const cgroupsOf = (name: HostFixtureName): CgroupFacts => loadHostFixture(name);
