// Notebook 06's "by hand" part: the learner creates a memory cgroup with the original course's shell lines. This
// module decides WHERE (the directory doctor's detection allows here) and WHICH file names (v1 or v2), says why,
// and finds a leftover of an interrupted or crashed run again. The lines themselves run in the notebook's cells.
import { existsSync, readFileSync, rmdirSync } from "node:fs";
import { join } from "node:path";
import {
  type CgroupDetection,
  cgroupDirName,
  enterDelegatedLeaf,
  planCgroups,
  removeStaleCgroups,
  shouldForbidSwap,
} from "../../../lib/index.js";
import { type Localized, localize } from "../../i18n/index.js";
import { showTable } from "../../render/show-table.js";

/** Where and how the learner's hand-made memory cgroup goes on this machine. */
export interface HandCgroup {
  /** The cgroup directory, e.g. /sys/fs/cgroup/memory/<our cgroup>/nsbook-nb06-by-hand. */
  dir: string;
  /** The cgroup version that serves memory here: it decides the file names. */
  version: 1 | 2;
  /** The machine's layout, as doctor found it. */
  layout: CgroupDetection["layout"];
  /** The limit file: memory.limit_in_bytes (v1) or memory.max (v2). */
  limitFile: string;
  /** The file with the OOM-kill counter: memory.oom_control (v1) or memory.events (v2). */
  eventsFile: string;
  /** The limit the learner writes, as the original writes it ("100M"). */
  limit: string;
  /** Mount point of the hierarchy that serves memory. */
  mountPoint: string;
  /** Set when the machine swaps: the file that forbids swap, and the value to write there. */
  swap?: { file: string; value: string };
  /** v2, a delegated cgroup with processes: its processes move here first (the no-internal-processes rule). */
  leafDir?: string;
}

/** What the learner's run found: kept in an object made early, so an interrupted cell loses nothing. */
export interface HandDemo {
  cgroup?: HandCgroup;
  /** The limit as the kernel reads it back, in bytes. */
  limitBytes?: number;
  /** How the shell that joined the cgroup ended. */
  exitCode?: number | null;
  /** The cgroup's OOM-kill counter after the hog. */
  oomKills?: number;
  /** True once rmdir removed the cgroup. */
  removed?: boolean;
}

/**
 * Plans the hand-made cgroup `name` (directory `nsbook-<name>`, so nsbook's cleanup finds it after a crash) from
 * doctor's detection: the memory controller's hierarchy, below this kernel's own cgroup. Throws the library's
 * CgroupUnavailableError (why, and the fix) when memory limits cannot be used here.
 */
export function planHandCgroup(detection: CgroupDetection, name: string, limit: string): HandCgroup {
  const plan = planCgroups(detection, cgroupDirName(name), ["memory"]);
  const v1 = plan.v1.find((d) => d.controller === "memory");
  const dir = v1?.dir ?? plan.v2?.dir;
  if (dir === undefined) throw new Error(`planHandCgroup: no memory cgroup directory for ${name}`);
  const version = v1 ? 1 : 2;
  const swap = !shouldForbidSwap(detection)
    ? undefined
    : version === 1
      ? { file: "memory.memsw.limit_in_bytes", value: limit }
      : { file: "memory.swap.max", value: "0" };
  const placement = detection.controllers.find((c) => c.controller === "memory");
  return {
    dir,
    version,
    limit,
    mountPoint: placement?.mountPoint ?? "/sys/fs/cgroup",
    layout: detection.layout,
    limitFile: version === 1 ? "memory.limit_in_bytes" : "memory.max",
    eventsFile: version === 1 ? "memory.oom_control" : "memory.events",
    ...(swap ? { swap } : {}),
    ...(!v1 && plan.v2?.leafDir ? { leafDir: plan.v2.leafDir } : {}),
  };
}

const LAYOUT_WHY: Record<"v1" | "hybrid" | "v2", Localized> = {
  v1: {
    en: "cgroup v1: every controller has a tree of its own; memory's is mounted at",
    ja: "cgroup v1：コントローラごとに別のツリーがあり、memory のツリーのマウント先は",
  },
  hybrid: {
    en: "hybrid: the controllers are on v1 trees (the v2 tree serves none of them); memory's is mounted at",
    ja: "hybrid：コントローラは v1 のツリーにあります（v2 のツリーはどれも担当していません）。memory のツリーのマウント先は",
  },
  v2: {
    en: "cgroup v2: one tree for every controller, mounted at",
    ja: "cgroup v2：すべてのコントローラが 1 本のツリーにあり、マウント先は",
  },
};

/** Shows which lines the notebook chose for this machine, and why: one row per decision. */
export function showHandPlan(hand: HandCgroup): void {
  const mount = hand.mountPoint;
  const v = hand.version;
  const rows: { what: Localized; line: string; why: Localized }[] = [
    {
      what: { en: "layout", ja: "構成" },
      line: hand.layout,
      why: `${localize(LAYOUT_WHY[hand.layout === "v1" || hand.layout === "hybrid" ? hand.layout : "v2"])} ${mount}`,
    },
    {
      what: { en: "where", ja: "場所" },
      line: `mkdir ${hand.dir}`,
      why: {
        en: "below this kernel's own cgroup (section 2), never beside or above it; nsbook- in the name lets nsbook's cleanup find it after a crash",
        ja: "この Jupyter カーネル自身の cgroup の下（2 節）。横や上には作りません。名前の nsbook- で、クラッシュの後も nsbook の後片付けが見つけられます",
      },
    },
    {
      what: { en: "limit", ja: "上限" },
      line: `echo ${hand.limit} > …/${hand.limitFile}`,
      why:
        v === 1
          ? {
              en: "v1 names the limit memory.limit_in_bytes",
              ja: "v1 では上限のファイル名は memory.limit_in_bytes",
            }
          : { en: "v2 names it memory.max, as the original", ja: "v2 では memory.max（元のコースと同じ）" },
    },
    {
      what: { en: "move a shell in", ja: "シェルを入れる" },
      line: "echo $$ > …/cgroup.procs",
      why: {
        en: "the same on v1 and v2; here only memory's tree, the one that limits",
        ja: "v1 でも v2 でも同じ。ここでは制限をかける memory のツリーだけ",
      },
    },
    {
      what: { en: "OOM kills", ja: "OOM kill の回数" },
      line: `grep oom_kill …/${hand.eventsFile}`,
      why:
        v === 1
          ? { en: "v1 counts them in memory.oom_control", ja: "v1 では memory.oom_control に数えられる" }
          : { en: "v2 counts them in memory.events", ja: "v2 では memory.events に数えられる" },
    },
  ];
  if (hand.swap) {
    rows.splice(3, 0, {
      what: { en: "no swap", ja: "スワップなし" },
      line: `echo ${hand.swap.value} > …/${hand.swap.file}`,
      why: {
        en: "this machine swaps: without this the kernel would swap the hog out instead of killing it",
        ja: "このマシンはスワップを使うので、これがないとカーネルは kill する代わりにスワップアウトします",
      },
    });
  }
  if (hand.leafDir) {
    rows.splice(1, 0, {
      what: { en: "first", ja: "最初に" },
      line: `enterDelegatedLeaf(…)`,
      why: {
        en: "v2 gives memory to children only of a cgroup without processes of its own: nsbook moves this kernel's processes into nsbook-leaf and enables memory (cgroup.subtree_control)",
        ja: "v2 は、自分のプロセスを持たない cgroup の子にしか memory を渡しません。nsbook がこの Jupyter カーネルのプロセスを nsbook-leaf に移し、memory を有効にします（cgroup.subtree_control）",
      },
    });
  }
  showTable(rows, [
    { header: "", value: (r) => localize(r.what) },
    { key: "line", header: { en: "line chosen", ja: "選んだ行" }, format: "mono" },
    { header: { en: "why", ja: "理由" }, value: (r) => localize(r.why) },
  ]);
}

/**
 * Makes the hand-made cgroup's parent ready and removes a leftover of an earlier run, so the learner's `mkdir`
 * starts from nothing. v2 in a delegated cgroup with processes: moves them into the leaf and enables memory for
 * children (the library's enterDelegatedLeaf; it says what it did). Safe to call any number of times.
 */
export async function prepareHandCgroup(hand: HandCgroup): Promise<void> {
  if (hand.leafDir) {
    const done = await enterDelegatedLeaf(join(hand.dir, ".."), { controllers: ["memory"] });
    if (done.moved.length > 0 || done.enabled.length > 0) {
      console.log(
        localize({
          en: `moved ${done.moved.length} process(es) of this kernel into ${done.leafDir}; enabled for children: ${done.enabled.join(" ") || "(already)"}`,
          ja: `この Jupyter カーネルのプロセス ${done.moved.length} 個を ${done.leafDir} に移しました。子に有効にしたコントローラ：${done.enabled.join(" ") || "（有効化済み）"}`,
        }),
      );
    }
  }
  removeHandCgroup(hand);
}

/** Removes the hand-made cgroup if it is there and empty (rmdir); true when it existed. Idempotent. */
export function removeHandCgroup(hand: HandCgroup): boolean {
  if (!existsSync(hand.dir)) return false;
  rmdirSync(hand.dir);
  return true;
}

/** The OOM-kill counter of the hand-made cgroup, read from its events file (undefined when unreadable). */
export function readHandOomKills(hand: HandCgroup): number | undefined {
  try {
    const line = readFileSync(join(hand.dir, hand.eventsFile), "utf8").match(/^oom_kill (\d+)$/m);
    return line ? Number(line[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The limit the kernel reads back from the hand-made cgroup, in bytes (undefined when unreadable). */
export function readHandLimit(hand: HandCgroup): number | undefined {
  try {
    const n = Number(readFileSync(join(hand.dir, hand.limitFile), "utf8").trim());
    return Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds the hand-made cgroups an earlier kernel left (it died between mkdir and rmdir) by their nsbook- name
 * below our cgroups, the way `nsbook stop --all` does, and removes those no process uses. Returns the
 * directories removed.
 */
export async function removeLeftoverHandCgroups(detection: CgroupDetection, name: string): Promise<string[]> {
  const found = await removeStaleCgroups({ detection, prefix: cgroupDirName(name), minAgeMs: 0 });
  return found.removed;
}

/** What to do when a by-hand check fails. */
export const HAND_RETRY_HINT: Localized = {
  en: "run the cells of section 3 again, from the one that sets HAND_LIMIT (keep it below the machine's free memory)",
  ja: "3 節のセルを、HAND_LIMIT を決めるセルから実行し直してください（上限はマシンの空きメモリより小さく）",
};

/** The line the setup cell prints: this page's containers, none running any more. */
export function describeFreshStart(names: readonly string[]): string {
  return localize({
    en: `this page's containers: ${names.join(", ")} (none running now)`,
    ja: `このノートブックのコンテナ：${names.join(", ")}（いまは 1 つも動いていません）`,
  });
}
