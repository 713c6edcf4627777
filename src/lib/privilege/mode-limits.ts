// What each privilege mode cannot do in the course, step by step.
import { COURSE_STEPS } from "../course/index.js";
import type { PrivilegeMode } from "./types.js";

/** A course step a mode cannot run, and why. */
export interface ModeLimit {
  /** Course step number (1..11). */
  step: number;
  why: string;
}

const ROOTLESS_LIMITS: readonly ModeLimit[] = [
  {
    step: 6,
    why: "a user namespace gives no write access to the host's cgroupfs, so creating cgroups needs root",
  },
  {
    step: 8,
    why: "connecting a container to the host (veth pair, bridge) needs CAP_NET_ADMIN in the host's network namespace: root",
  },
];

const SUDO_LIMITS: readonly ModeLimit[] = [
  {
    step: 6,
    why: "nsbook writes cgroup files from its own process, which sudo mode does not make root: run nsbook itself as root (the course's kernel and the `nsbook` command do)",
  },
];

const ALL_STEPS = COURSE_STEPS.map((s) => s.step);

/** The course steps `mode` cannot run by itself, with the reason. Root can run them all. */
export function stepsUnavailableIn(mode: PrivilegeMode): ModeLimit[] {
  switch (mode) {
    case "root":
      return [];
    case "sudo":
      return [...SUDO_LIMITS];
    case "rootless":
      return [...ROOTLESS_LIMITS];
    default:
      return ALL_STEPS.map((step) => ({
        step,
        why: "namespaces, chroot and mounts need root or a user namespace, and neither is available",
      }));
  }
}
