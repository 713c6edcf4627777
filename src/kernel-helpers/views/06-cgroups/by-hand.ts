// Notebook 06's "by hand" part: the learner creates a memory cgroup with the original course's shell lines. The
// library decides where it goes and which file names this machine uses (lib/cgroups/hand-made-cgroup.ts); this
// file shows those choices and why, and makes the cgroup's parent ready, saying what it did.
import { join } from "node:path";
import { enterDelegatedLeaf, type HandCgroup, removeHandCgroup } from "../../../lib/index.js";
import { type Localized, localize } from "../../i18n/index.js";
import { showTable } from "../../render/show-table.js";

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
