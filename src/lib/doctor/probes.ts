// The namespace and filesystem features doctor tries for real, and the command each try runs in each mode.
import type { PrivilegeMode } from "../privilege/index.js";

/** One thing doctor tries. */
export type ProbeId =
  | "ns.pid"
  | "ns.mount"
  | "ns.uts"
  | "ns.ipc"
  | "ns.net"
  | "ns.user"
  | "ns.cgroup"
  | "ns.proc"
  | "fs.chroot"
  | "fs.overlay";

/** What a probe tries, in words. */
export interface ProbeSpec {
  id: ProbeId;
  title: string;
  /** unshare flags (before the program), for namespace probes. */
  unshareFlags?: string[];
}

/** Every probe, in report order. */
export const PROBES: readonly ProbeSpec[] = [
  { id: "ns.pid", title: "PID namespace", unshareFlags: ["--pid", "--fork"] },
  { id: "ns.mount", title: "mount namespace", unshareFlags: ["--mount"] },
  {
    id: "ns.proc",
    title: "/proc of a new PID namespace",
    unshareFlags: ["--pid", "--fork", "--mount", "--mount-proc"],
  },
  { id: "ns.uts", title: "UTS namespace (hostname)", unshareFlags: ["--uts"] },
  { id: "ns.ipc", title: "IPC namespace", unshareFlags: ["--ipc"] },
  { id: "ns.net", title: "network namespace", unshareFlags: ["--net"] },
  { id: "ns.user", title: "user namespace", unshareFlags: [] },
  { id: "ns.cgroup", title: "cgroup namespace", unshareFlags: ["--cgroup"] },
  { id: "fs.chroot", title: "chroot" },
  { id: "fs.overlay", title: "overlay filesystem" },
];

/**
 * The overlay probe's script: a tmpfs over /tmp inside the probe's private mount namespace holds the layers,
 * so nothing is created on the host and nothing is left behind, even if doctor is killed.
 */
export const OVERLAY_PROBE_SCRIPT =
  "mount -t tmpfs nsbook-doctor /tmp && mkdir /tmp/lower /tmp/upper /tmp/work /tmp/merged && " +
  "mount -t overlay nsbook-doctor -o lowerdir=/tmp/lower,upperdir=/tmp/upper,workdir=/tmp/work /tmp/merged";

// Rootless (and "none", to show the real refusal) runs everything in a user namespace of its own.
function prefix(mode: PrivilegeMode): { sudo: string[]; userns: string[] } {
  if (mode === "sudo") return { sudo: ["sudo", "-n"], userns: [] };
  if (mode === "rootless") return { sudo: [], userns: ["--user", "--map-root-user"] };
  return { sudo: [], userns: [] };
}

/**
 * The argv that tries `id` in `mode`: as root the feature alone (`unshare --pid --fork true`), through
 * `sudo -n` in sudo mode, inside `unshare --user --map-root-user` when rootless. Every mount happens in a
 * mount namespace of its own (unshare makes it private), so nothing reaches the host.
 */
export function probeArgv(id: ProbeId, mode: PrivilegeMode): string[] {
  const p = prefix(mode);
  const spec = PROBES.find((s) => s.id === id);
  if (id === "ns.user") {
    return [
      ...p.sudo,
      "unshare",
      "--user",
      ...(mode === "rootless" || mode === "none" ? ["--map-root-user"] : []),
      "true",
    ];
  }
  if (id === "fs.chroot") {
    return p.userns.length > 0
      ? ["unshare", ...p.userns, "chroot", "/", "true"]
      : [...p.sudo, "chroot", "/", "true"];
  }
  if (id === "fs.overlay") {
    return [...p.sudo, "unshare", ...p.userns, "--mount", "sh", "-c", OVERLAY_PROBE_SCRIPT];
  }
  return [...p.sudo, "unshare", ...p.userns, ...(spec?.unshareFlags ?? []), "true"];
}
