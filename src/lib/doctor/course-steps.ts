// The steps of the course and which doctor checks each one needs.

/** One course step and the checks it needs to pass. */
export interface StepRequirements {
  step: number;
  title: string;
  /** Check ids that must not fail. */
  needs: readonly string[];
}

const BASE = ["tool.node", "env.wsl", "privilege.mode", "rootfs.default", "tool.unshare"];
const CONTAINER = [...BASE, "ns.pid", "ns.mount", "ns.proc"];

/** Every step, in course order. Steps 1-7 are the course; 8-11 go further. */
export const STEP_REQUIREMENTS: readonly StepRequirements[] = [
  {
    step: 1,
    title: "chroot: another root directory",
    needs: ["tool.node", "env.wsl", "privilege.mode", "rootfs.default", "tool.chroot", "fs.chroot"],
  },
  { step: 2, title: "PID namespace", needs: [...BASE, "ns.pid"] },
  { step: 3, title: "mount namespace and its own /proc", needs: [...CONTAINER, "tool.mount"] },
  { step: 4, title: "UTS namespace: a hostname of its own", needs: [...CONTAINER, "ns.uts"] },
  { step: 5, title: "network namespace", needs: [...CONTAINER, "ns.uts", "ns.net"] },
  {
    step: 6,
    title: "cgroups: memory and CPU limits",
    needs: [...CONTAINER, "cgroup.memory", "cgroup.cpu", "cgroup.cpuacct"],
  },
  {
    step: 7,
    title: "several containers and nsenter",
    needs: [...CONTAINER, "ns.uts", "ns.net", "tool.nsenter"],
  },
  { step: 8, title: "bridge network between containers", needs: [...CONTAINER, "ns.net", "tool.ip"] },
  { step: 9, title: "user namespace", needs: [...CONTAINER, "ns.user"] },
  { step: 10, title: "overlay filesystem", needs: [...CONTAINER, "fs.overlay", "fs.overlay-upper"] },
  { step: 11, title: "pivot_root and hardening", needs: [...CONTAINER, "tool.pivot_root", "tool.setpriv"] },
];

/** The steps that make "the whole course": doctor exits 0 only when all of these can run. */
export const CORE_STEPS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

/** Check ids some core step needs: their failures are failures; others' are warnings. */
export function coreCheckIds(): Set<string> {
  return new Set(STEP_REQUIREMENTS.filter((s) => CORE_STEPS.includes(s.step)).flatMap((s) => s.needs));
}
