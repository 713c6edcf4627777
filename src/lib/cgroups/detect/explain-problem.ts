// Why a controller is not usable, and the exact fix, in words a learner can act on.
import type { CgroupLayout, CgroupProblem, ControllerName } from "../types.js";
import { V2_THREADED, v1NameOf } from "./controller-map.js";
import { wslGenerationOf } from "./kernel-release.js";

/** What is known when explaining a problem. */
export interface ProblemContext {
  controller: ControllerName;
  layout: CgroupLayout;
  version: 1 | 2 | "none";
  uid: number;
  kernelRelease: string;
  mountPoint?: string;
  /** Root of the mounted subtree (mountinfo's root field). */
  mountRoot?: string;
  callerPath?: string;
  /** The caller's cgroup directory. */
  dir?: string;
  /** v2: the directory of the caller's parent cgroup. */
  parentDir?: string;
  /** v2: the parent cgroup holds processes and is not the root cgroup. */
  parentBusy?: boolean;
}

/** One problem in words, in English and in Japanese (for the Japanese notebooks). */
export interface Explanation {
  whyNot: string;
  fix?: string;
  ja: { whyNot: string; fix?: string };
}

type Text = { en: string; ja: string };

/** An explanation from its two texts in both languages. */
function explained(whyNot: Text, fix?: Text): Explanation {
  return {
    whyNot: whyNot.en,
    ...(fix ? { fix: fix.en } : {}),
    ja: { whyNot: whyNot.ja, ...(fix ? { fix: fix.ja } : {}) },
  };
}

const CONTAINER_FIX: Text = {
  en:
    "run nsbook on the host, or start its container with `docker run --privileged --cgroupns=host ...` " +
    "(as nsbook's docker/ compose file does)",
  ja: "nsbook をホストで実行するか、そのコンテナを `docker run --privileged --cgroupns=host ...` で起動する（nsbook の docker/ の compose ファイルはそうしている）",
};

const ROOT_FIX: Text = {
  en: "run nsbook as root: `sudo nsbook ...` (start the course with sudo too)",
  ja: "nsbook を root で実行する：`sudo nsbook ...`（コースも sudo で起動する）",
};

function notPresent(x: ProblemContext): Explanation {
  const v1 = v1NameOf(x.controller);
  if (x.layout === "none") {
    return explained(
      {
        en: "no cgroup filesystem is mounted (nothing of type cgroup or cgroup2 in /proc/self/mountinfo)",
        ja: "cgroup ファイルシステムがマウントされていない（/proc/self/mountinfo に cgroup も cgroup2 もない）",
      },
      {
        en: "mount cgroup v2: `sudo mount -t cgroup2 none /sys/fs/cgroup` (or run nsbook on a host that has it)",
        ja: "cgroup v2 をマウントする：`sudo mount -t cgroup2 none /sys/fs/cgroup`（または cgroup のあるホストで nsbook を実行する）",
      },
    );
  }
  const whyNot = {
    en: `no mounted cgroup hierarchy has the ${x.controller} controller (no v1 mount carries it and the v2 cgroup.controllers does not list it)`,
    ja: `${x.controller} コントローラを持つ cgroup の階層がマウントされていない（v1 のどのマウントにもなく、v2 の cgroup.controllers にも載っていない）`,
  };
  if (wslGenerationOf(x.kernelRelease) === 2) {
    return explained(
      {
        en: `${whyNot.en}; recent WSL2 kernels are built without the v1 ${x.controller} controller`,
        ja: `${whyNot.ja}。最近の WSL2 のカーネルは v1 の ${x.controller} コントローラなしでビルドされている`,
      },
      {
        en:
          "switch WSL2 to cgroup v2: on Windows, add `kernelCommandLine = cgroup_no_v1=all` under `[wsl2]` in " +
          "%UserProfile%\\.wslconfig, run `wsl --shutdown` in PowerShell, then reopen the distro",
        ja:
          "WSL2 を cgroup v2 に切り替える：Windows で %UserProfile%\\.wslconfig の `[wsl2]` に " +
          "`kernelCommandLine = cgroup_no_v1=all` を書き、PowerShell で `wsl --shutdown` を実行してから、ディストリビューションを開き直す",
      },
    );
  }
  return explained(whyNot, {
    en:
      `check that the kernel has it: \`grep -w ${v1} /proc/cgroups\` (last column 1) and that \`cat /proc/cmdline\` ` +
      `has no cgroup_disable=${v1}`,
    ja: `カーネルにあるかを確かめる：\`grep -w ${v1} /proc/cgroups\`（最後の列が 1）と、\`cat /proc/cmdline\` に cgroup_disable=${v1} がないこと`,
  });
}

function internalProcesses(x: ProblemContext): Explanation {
  const top = x.callerPath === "/";
  const where = top ? "the top of your cgroup namespace" : x.callerPath;
  const whereJa = top ? "cgroup 名前空間の最上位" : x.callerPath;
  const c = x.controller;
  const refusal = V2_THREADED.has(c)
    ? {
        en:
          `keeps ${c} from ordinary child cgroups (${c} is a threaded controller: the kernel ` +
          `would enable it only by turning ${where} into a threaded subtree whose children hold threads, not ` +
          "containers, and never memory)",
        ja: `${c} を普通の子 cgroup に渡さない（${c} はスレッド対応のコントローラで、カーネルがこれを有効にするのは ${whereJa} をスレッド用のサブツリーにするときだけ。その子が持つのはコンテナではなくスレッドで、memory は決して使えない）`,
      }
    : {
        en: `refuses to enable ${c} for its children (writing +${c} to ${x.dir}/cgroup.subtree_control answers EBUSY)`,
        ja: `子に ${c} を有効にすることを拒む（${x.dir}/cgroup.subtree_control に +${c} を書くと EBUSY が返る）`,
      };
  const rule = {
    en:
      `cgroup v2's no-internal-processes rule ${refusal.en}; nsbook would first move the cgroup's processes into a ` +
      "leaf child (nsbook-leaf), but only in a cgroup delegated to you (writable cgroup.procs and " +
      "cgroup.subtree_control), and this one is not",
    ja:
      `cgroup v2 の no-internal-processes ルールが${refusal.ja}。nsbook は先にその cgroup のプロセスを葉の子 cgroup（nsbook-leaf）に移すが、` +
      "それは自分に委譲された cgroup（cgroup.procs と cgroup.subtree_control に書き込める）でだけで、この cgroup はそうではない",
  };
  if (top) {
    // "/" that is not the root cgroup: the top of a cgroup namespace, i.e. a container's own cgroup.
    return explained(
      {
        en: `you are at the top of a cgroup namespace (a container's own cgroup), which holds processes: ${rule.en}`,
        ja: `プロセスを持つ cgroup 名前空間の最上位（コンテナ自身の cgroup）にいる。${rule.ja}`,
      },
      {
        en: "run nsbook on the host or in a VM, or give the container a writable cgroup v2 of its own (`docker run --privileged --cgroupns=private ...`): nsbook then moves its processes into a child cgroup first",
        ja: "nsbook をホストか VM で実行するか、コンテナに書き込める専用の cgroup v2 を与える（`docker run --privileged --cgroupns=private ...`）。そうすれば nsbook は先に自分のプロセスを子 cgroup に移す",
      },
    );
  }
  return explained(
    {
      en: `your cgroup ${x.callerPath} holds processes (this one included) and is not the root cgroup: ${rule.en}`,
      ja: `自分の cgroup ${x.callerPath} はプロセス（このプロセスを含む）を持ち、ルート cgroup ではない。${rule.ja}`,
    },
    {
      en:
        "run nsbook as root: `sudo nsbook ...`, and for the course let ./setup.sh grant the kernel root " +
        "(`./setup.sh --kernel-root=yes`); a root nsbook in a cgroup of its own moves that cgroup's processes into " +
        "nsbook-leaf and puts its containers beside it. Without systemd you can also start from a root shell in " +
        "the root cgroup, which the rule exempts: `sudo sh -c 'echo $$ > /sys/fs/cgroup/cgroup.procs && exec bash'`",
      ja:
        "nsbook を root で実行する：`sudo nsbook ...`。コースでは ./setup.sh にカーネルへ root を与えさせる（`./setup.sh --kernel-root=yes`）。" +
        "自分専用の cgroup にいる root の nsbook は、その cgroup のプロセスを nsbook-leaf に移し、コンテナをその隣に作る。" +
        "systemd がなければ、ルールの例外であるルート cgroup に入った root のシェルから始めてもよい：`sudo sh -c 'echo $$ > /sys/fs/cgroup/cgroup.procs && exec bash'`",
    },
  );
}

function notDelegated(x: ProblemContext): Explanation {
  const busy = x.parentBusy
    ? {
        en:
          ` (${x.parentDir} holds processes itself, so that write answers "Device or resource busy": then run ` +
          "nsbook from the root cgroup as described for the no-internal-processes rule)",
        ja: `（${x.parentDir} 自身がプロセスを持つので、この書き込みには "Device or resource busy" が返る。そのときは no-internal-processes ルールの項のとおり、ルート cgroup から nsbook を実行する）`,
      }
    : { en: "", ja: "" };
  const fix = `echo +${x.controller} | sudo tee ${x.parentDir}/cgroup.subtree_control`;
  return explained(
    {
      en: `${x.controller} is not enabled for your cgroup ${x.callerPath}: ${x.parentDir}/cgroup.subtree_control does not list it`,
      ja: `${x.controller} は自分の cgroup ${x.callerPath} で有効になっていない（${x.parentDir}/cgroup.subtree_control に載っていない）`,
    },
    { en: `${fix}${busy.en}`, ja: `${fix}${busy.ja}` },
  );
}

const EXPLAIN: Readonly<Record<CgroupProblem, (x: ProblemContext) => Explanation>> = {
  "not-present": notPresent,
  "no-caller-cgroup": (x) =>
    explained(
      {
        en: `/proc/self/cgroup names no cgroup of yours in the hierarchy mounted at ${x.mountPoint}`,
        ja: `/proc/self/cgroup には、${x.mountPoint} にマウントされた階層での自分の cgroup がない`,
      },
      CONTAINER_FIX,
    ),
  "outside-mount": (x) =>
    explained(
      {
        en:
          `your cgroup ${x.callerPath} lies outside what ${x.mountPoint} shows (it mounts ${x.mountRoot} of the ` +
          "hierarchy), so no directory reaches it",
        ja: `自分の cgroup ${x.callerPath} は ${x.mountPoint} に見える範囲の外にある（階層の ${x.mountRoot} をマウントしている）ので、どのディレクトリからも届かない`,
      },
      {
        en: "run nsbook in the cgroup namespace that mounted /sys/fs/cgroup (on the host, or in a container started with `--cgroupns=host`)",
        ja: "/sys/fs/cgroup をマウントした cgroup 名前空間で nsbook を実行する（ホストか、`--cgroupns=host` で起動したコンテナ）",
      },
    ),
  "read-only": (x) =>
    explained(
      {
        en: `${x.mountPoint} is mounted read-only: nsbook is probably in a container started without privileges`,
        ja: `${x.mountPoint} は読み取り専用でマウントされている。nsbook はおそらく特権なしで起動したコンテナの中にある`,
      },
      CONTAINER_FIX,
    ),
  "not-delegated": notDelegated,
  "missing-dir": (x) =>
    explained(
      {
        en: `your cgroup's directory ${x.dir} does not exist in this mount`,
        ja: `自分の cgroup のディレクトリ ${x.dir} がこのマウントにない`,
      },
      CONTAINER_FIX,
    ),
  "no-permission": (x) =>
    x.uid === 0
      ? explained(
          {
            en: `even root may not create cgroups in ${x.dir} (a container without privileges?)`,
            ja: `root でも ${x.dir} に cgroup を作れない（特権なしのコンテナ？）`,
          },
          CONTAINER_FIX,
        )
      : explained(
          {
            en: `uid ${x.uid} may not create cgroups in ${x.dir} (owned by root)`,
            ja: `uid ${x.uid} は ${x.dir} に cgroup を作れない（所有者は root）`,
          },
          ROOT_FIX,
        ),
  "internal-processes": internalProcesses,
  "systemd-owned": (x) =>
    explained(
      {
        en:
          `systemd manages this host's cgroups and your cgroup ${x.callerPath} is one of its units (a login ` +
          "session, a service or a slice), not a scope delegated to nsbook: nsbook creates cgroups, and moves " +
          "processes, only inside a systemd scope it started with Delegate=yes",
        ja: `このホストの cgroup は systemd が管理していて、自分の cgroup ${x.callerPath} はそのユニット（ログインセッション、サービス、slice）の 1 つであり、nsbook に委譲された scope ではない。nsbook が cgroup を作りプロセスを移すのは、自分で Delegate=yes を付けて始めた systemd の scope の中だけ`,
      },
      {
        en:
          "the course's Jupyter kernel and `nsbook run` / `nsbook step` start such a scope themselves (nsbook-*.scope); " +
          "from code of your own, run it in one: `sudo systemd-run --scope -p Delegate=yes --unit nsbook-mine -- COMMAND`",
        ja: "コースの Jupyter カーネルと `nsbook run` / `nsbook step` はそうした scope（nsbook-*.scope）を自分で始める。自作のコードは scope の中で実行する：`sudo systemd-run --scope -p Delegate=yes --unit nsbook-mine -- COMMAND`",
      },
    ),
  "not-enabled": (x) =>
    explained(
      {
        en:
          `${x.controller} is not enabled for children of the root cgroup (${x.dir}/cgroup.subtree_control does ` +
          "not list it), and nsbook does not change cgroups it did not create",
        ja: `${x.controller} はルート cgroup の子に対して有効になっておらず（${x.dir}/cgroup.subtree_control に載っていない）、nsbook は自分が作っていない cgroup を変えない`,
      },
      {
        en: `echo +${x.controller} | sudo tee ${x.dir}/cgroup.subtree_control`,
        ja: `echo +${x.controller} | sudo tee ${x.dir}/cgroup.subtree_control`,
      },
    ),
};

/** Explains one problem. */
export function explainProblem(problem: CgroupProblem, context: ProblemContext): Explanation {
  return EXPLAIN[problem](context);
}

/** Joins the explanations of several problems: the first one leads, the others follow with "also". */
export function explainProblems(problems: readonly CgroupProblem[], context: ProblemContext): Explanation {
  const parts = problems.map((p) => explainProblem(p, context));
  const fixes = [...new Set(parts.flatMap((p) => (p.fix ? [p.fix] : [])))];
  const fixesJa = [...new Set(parts.flatMap((p) => (p.ja.fix ? [p.ja.fix] : [])))];
  return {
    whyNot: parts.map((p) => p.whyNot).join("; also "),
    ...(fixes.length > 0 ? { fix: fixes.join("; and ") } : {}),
    ja: {
      whyNot: parts.map((p) => p.ja.whyNot).join("。さらに、"),
      ...(fixesJa.length > 0 ? { fix: fixesJa.join("。加えて、") } : {}),
    },
  };
}
