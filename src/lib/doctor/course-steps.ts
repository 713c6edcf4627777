// The steps of the course and which doctor checks each one needs.

/** One course step and the checks it needs to pass. */
export interface StepRequirements {
  step: number;
  title: string;
  /** The title in Japanese. */
  titleJa: string;
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
    titleJa: "chroot：別のルートディレクトリ",
    needs: ["tool.node", "env.wsl", "privilege.mode", "rootfs.default", "tool.chroot", "fs.chroot"],
  },
  { step: 2, title: "PID namespace", titleJa: "PID 名前空間", needs: [...BASE, "ns.pid"] },
  {
    step: 3,
    title: "mount namespace and its own /proc",
    titleJa: "マウント名前空間と専用の /proc",
    needs: [...CONTAINER, "tool.mount"],
  },
  {
    step: 4,
    title: "UTS namespace: a hostname of its own",
    titleJa: "UTS 名前空間：専用のホスト名",
    needs: [...CONTAINER, "ns.uts"],
  },
  {
    step: 5,
    title: "network namespace",
    titleJa: "ネットワーク名前空間",
    needs: [...CONTAINER, "ns.uts", "ns.net"],
  },
  {
    step: 6,
    title: "cgroups: memory and CPU limits",
    titleJa: "cgroup：メモリと CPU の制限",
    needs: [...CONTAINER, "cgroup.memory", "cgroup.cpu", "cgroup.cpuacct"],
  },
  {
    step: 7,
    title: "several containers and nsenter",
    titleJa: "複数のコンテナと nsenter",
    needs: [...CONTAINER, "ns.uts", "ns.net", "tool.nsenter"],
  },
  {
    step: 8,
    title: "bridge network between containers",
    titleJa: "コンテナをつなぐブリッジネットワーク",
    needs: [...CONTAINER, "ns.net", "tool.ip"],
  },
  { step: 9, title: "user namespace", titleJa: "ユーザー名前空間", needs: [...CONTAINER, "ns.user"] },
  {
    step: 10,
    title: "overlay filesystem",
    titleJa: "overlay ファイルシステム",
    needs: [...CONTAINER, "fs.overlay", "fs.overlay-upper"],
  },
  {
    step: 11,
    title: "pivot_root and hardening",
    titleJa: "pivot_root と堅牢化",
    needs: [...CONTAINER, "tool.pivot_root", "tool.setpriv"],
  },
];

/** The steps that make "the whole course": doctor exits 0 only when all of these can run. */
export const CORE_STEPS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

/** Check ids some core step needs: their failures are failures; others' are warnings. */
export function coreCheckIds(): Set<string> {
  return new Set(STEP_REQUIREMENTS.filter((s) => CORE_STEPS.includes(s.step)).flatMap((s) => s.needs));
}
