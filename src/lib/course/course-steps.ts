// The course, step by step: one table for every part of nsbook that names a step - its title in both
// languages, its notebook, whether it belongs to "the whole course" (1-7), and the doctor checks it needs.
// How `nsbook step N` runs a step is container/step-recipes.ts; what each privilege mode cannot do is
// privilege/mode-limits.ts.

/** One step of the course. */
export interface CourseStep {
  step: number;
  title: string;
  titleJa: string;
  /** Its notebook, without the folder and extension (the same name in notebooks/en and notebooks/ja). */
  notebook: string;
  /** Doctor check ids that must not fail for the step to run here. */
  needs: readonly string[];
}

const BASE = ["tool.node", "env.wsl", "privilege.mode", "rootfs.default", "tool.unshare"];
const CONTAINER = [...BASE, "ns.pid", "ns.mount", "ns.proc"];

/** Every step, in course order. Steps 1-7 are the course; 8-11 go further. */
export const COURSE_STEPS: readonly CourseStep[] = [
  {
    step: 1,
    notebook: "01-chroot",
    title: "chroot: another root directory",
    titleJa: "chroot：別のルートディレクトリ",
    needs: ["tool.node", "env.wsl", "privilege.mode", "rootfs.default", "tool.chroot", "fs.chroot"],
  },
  {
    step: 2,
    notebook: "02-pid-namespace",
    title: "PID namespace",
    titleJa: "PID 名前空間",
    needs: [...BASE, "ns.pid"],
  },
  {
    step: 3,
    notebook: "03-mount-namespace",
    title: "mount namespace and its own /proc",
    titleJa: "マウント名前空間と専用の /proc",
    needs: [...CONTAINER, "tool.mount"],
  },
  {
    step: 4,
    notebook: "04-uts-full-container",
    title: "UTS namespace: a hostname of its own",
    titleJa: "UTS 名前空間：専用のホスト名",
    needs: [...CONTAINER, "ns.uts"],
  },
  {
    step: 5,
    notebook: "05-network-namespace",
    title: "network namespace",
    titleJa: "ネットワーク名前空間",
    needs: [...CONTAINER, "ns.uts", "ns.net"],
  },
  {
    step: 6,
    notebook: "06-cgroups",
    title: "cgroups: memory and CPU limits",
    titleJa: "cgroup：メモリと CPU の制限",
    needs: [...CONTAINER, "cgroup.memory", "cgroup.cpu", "cgroup.cpuacct"],
  },
  {
    step: 7,
    notebook: "07-multiple-containers",
    title: "several containers and nsenter",
    titleJa: "複数のコンテナと nsenter",
    needs: [...CONTAINER, "ns.uts", "ns.net", "tool.nsenter"],
  },
  {
    step: 8,
    notebook: "08-bridge-network",
    title: "bridge network between containers",
    titleJa: "コンテナをつなぐブリッジネットワーク",
    needs: [...CONTAINER, "ns.net", "tool.ip"],
  },
  {
    step: 9,
    notebook: "09-user-namespaces",
    title: "user namespace",
    titleJa: "ユーザー名前空間",
    needs: [...CONTAINER, "ns.user"],
  },
  {
    step: 10,
    notebook: "10-overlay-layers",
    title: "overlay filesystem",
    titleJa: "overlay ファイルシステム",
    needs: [...CONTAINER, "fs.overlay", "fs.overlay-upper"],
  },
  {
    step: 11,
    notebook: "11-pivot-root-hardening",
    title: "pivot_root and hardening",
    titleJa: "pivot_root と堅牢化",
    needs: [...CONTAINER, "tool.pivot_root", "tool.setpriv"],
  },
];

/** The steps that make "the whole course": doctor exits 0 only when all of these can run. */
export const CORE_STEPS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

/** Step `n`; undefined for a number the course does not have. */
export function courseStep(n: number): CourseStep | undefined {
  return COURSE_STEPS.find((s) => s.step === n);
}

/** Check ids some core step needs: their failures are failures; others' are warnings. */
export function coreCheckIds(): Set<string> {
  return new Set(COURSE_STEPS.filter((s) => CORE_STEPS.includes(s.step)).flatMap((s) => s.needs));
}
