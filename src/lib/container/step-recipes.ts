// How `nsbook step N` runs steps 1 to 6 of the original shell course: each step's container options, the
// original script's line, and what to show without a terminal. The steps themselves (titles, notebooks) are
// the course table, course/course-steps.ts.
import { courseStep } from "../course/index.js";
import type { NamespaceKind } from "./namespaces.js";

/** How one step runs as a container. */
export interface StepRecipe {
  step: number;
  /** The step's title, from the course table. */
  title: string;
  /** What the learner should notice. */
  learn: string;
  namespaces: NamespaceKind[];
  mountProc: boolean;
  /** Whether the step sets a hostname (the container's name, "my-container" by default). */
  setsHostname: boolean;
  /** Limits of step 6 (memory 100 MiB, half a CPU), in the cgroups module's input format. */
  resources?: { memory: string; cpus: string };
  /** The original script's command line, for comparison. */
  shellEquivalent: string;
  /** What runs when there is no terminal and no --command: the step's "things to check". */
  demo: string;
}

const titleOf = (n: number): string => courseStep(n)?.title ?? `step ${n}`;

/** Steps 1 to 6 (step 7 starts several containers of step 5's kind). */
export const STEP_RECIPES: readonly StepRecipe[] = [
  {
    step: 1,
    title: titleOf(1),
    learn: "the root directory changes, nothing else: ps still shows no isolation (and an empty /proc)",
    namespaces: [],
    mountProc: false,
    setsHostname: false,
    shellEquivalent: "chroot ./rootfs /bin/sh",
    demo: "echo '$ ls /'; ls /; echo '$ pwd'; pwd; echo '$ ps aux'; ps aux",
  },
  {
    step: 2,
    title: titleOf(2),
    learn:
      "a new PID namespace: PID 1 is nsbook's init, your shell is its child; /proc is still the rootfs's",
    namespaces: ["pid"],
    mountProc: false,
    setsHostname: false,
    shellEquivalent: "unshare --pid --fork chroot ./rootfs /bin/sh",
    demo: "echo '$ echo $$'; echo $$; echo '$ ps aux'; ps aux",
  },
  {
    step: 3,
    title: titleOf(3),
    learn: "a fresh /proc in a private mount namespace: ps shows only the container's processes",
    namespaces: ["pid", "mount"],
    mountProc: true,
    setsHostname: false,
    shellEquivalent:
      'unshare --pid --mount --fork chroot ./rootfs /bin/sh -c "mount -t proc proc /proc; /bin/sh"',
    demo: "echo '$ ps aux'; ps aux; echo '$ ls /proc'; ls /proc",
  },
  {
    step: 4,
    title: titleOf(4),
    learn: "the container has its own hostname; the host's is unchanged",
    namespaces: ["pid", "mount", "uts"],
    mountProc: true,
    setsHostname: true,
    shellEquivalent:
      'unshare --pid --mount --uts --fork chroot ./rootfs /bin/sh -c "hostname my-container; mount -t proc proc /proc; /bin/sh"',
    demo: "echo '$ hostname'; hostname; echo '$ ps aux'; ps aux; echo '$ ls /'; ls /",
  },
  {
    step: 5,
    title: titleOf(5),
    learn: "a network stack of its own: only a loopback interface, down",
    namespaces: ["pid", "mount", "uts", "net"],
    mountProc: true,
    setsHostname: true,
    shellEquivalent:
      'unshare --pid --mount --uts --net --fork chroot ./rootfs /bin/sh -c "hostname my-container; mount -t proc proc /proc; /bin/sh"',
    demo: "echo '$ cat /proc/net/dev'; cat /proc/net/dev; echo '$ hostname'; hostname",
  },
  {
    step: 6,
    title: titleOf(6),
    learn: "the kernel limits the container's memory and CPU time",
    namespaces: ["pid", "mount", "uts", "net"],
    mountProc: true,
    setsHostname: true,
    resources: { memory: "100M", cpus: "0.5" },
    shellEquivalent:
      'mkdir /sys/fs/cgroup/my_container; echo 100M > .../memory.max; echo "50000 100000" > .../cpu.max; echo $$ > .../cgroup.procs; unshare ...',
    demo: "echo '$ cat /proc/self/cgroup'; cat /proc/self/cgroup; echo '$ hostname'; hostname",
  },
];

/** Step 7's containers: step 5's namespaces, as the original script entered them with nsenter. */
export const STEP7_NAMESPACES: readonly NamespaceKind[] = ["pid", "mount", "uts", "net"];

/** The recipe of step `n` (1..6); undefined for any other number. */
export function stepRecipe(n: number): StepRecipe | undefined {
  return STEP_RECIPES.find((s) => s.step === n);
}
