// Japanese for the texts doctor takes from other modules (privilege detection, user-namespace sysctls, cgroup
// placement, tool specs, probes): a message catalogue keyed by the English text, as gettext keys by msgid. A text
// with values in it is matched by a pattern. An English text missing here stays English in the Japanese report
// (the notebook tests then name it: test/notebooks/support/english-output.ts).
import type { Bilingual } from "../../text/index.js";

/** Exact English texts and their Japanese. */
const EXACT: Readonly<Record<string, string>> = {
  // privilege/classify-privilege.ts
  "root: every step can run": "root：すべてのステップを実行できる",
  "root, but without CAP_SYS_ADMIN: a container started without privileges":
    "root だが CAP_SYS_ADMIN がない：特権なしで起動されたコンテナの中",
  "start the container with `--privileged --cgroupns=host`, or run nsbook on the host":
    "コンテナを `--privileged --cgroupns=host` 付きで起動するか、nsbook をホストで実行する",
  "for the steps rootless cannot run, use nsbook as root (`sudo nsbook ...`)":
    "rootless で実行できないステップは、nsbook を root で使う（`sudo nsbook ...`）",
  "run nsbook as root (`sudo nsbook ...`; ask an administrator for sudo rights)":
    "nsbook を root で実行する（`sudo nsbook ...`。sudo の権限は管理者に頼む）",
  // privilege/mode-limits.ts
  "a user namespace gives no write access to the host's cgroupfs, so creating cgroups needs root":
    "ユーザー名前空間ではホストの cgroupfs に書き込めないので、cgroup を作るには root が必要",
  "connecting a container to the host (veth pair, bridge) needs CAP_NET_ADMIN in the host's network namespace: root":
    "コンテナをホストにつなぐ（veth ペア、ブリッジ）には、ホストのネットワーク名前空間での CAP_NET_ADMIN、つまり root が必要",
  "nsbook writes cgroup files from its own process, which sudo mode does not make root: run nsbook itself as root (the course's kernel and the `nsbook` command do)":
    "nsbook は cgroup のファイルを自分のプロセスから書くが、sudo モードではそのプロセスは root にならない。nsbook 自体を root で実行する（コースのカーネルと `nsbook` コマンドはそうしている）",
  "namespaces, chroot and mounts need root or a user namespace, and neither is available":
    "名前空間、chroot、マウントには root かユーザー名前空間が必要だが、どちらも使えない",
  // privilege/userns-restrictions.ts
  "not present (no Ubuntu AppArmor restriction)": "存在しない（Ubuntu の AppArmor による制限はない）",
  "not present (kernel without Debian's switch)": "存在しない（Debian の切り替えのないカーネル）",
  "not present (kernel without user namespaces?)": "存在しない（ユーザー名前空間のないカーネル？）",
  // probes.ts
  "PID namespace": "PID 名前空間",
  "mount namespace": "マウント名前空間",
  "/proc of a new PID namespace": "新しい PID 名前空間の /proc",
  "UTS namespace (hostname)": "UTS 名前空間（ホスト名）",
  "IPC namespace": "IPC 名前空間",
  "network namespace": "ネットワーク名前空間",
  "user namespace": "ユーザー名前空間",
  "cgroup namespace": "cgroup 名前空間",
  "overlay filesystem": "overlay ファイルシステム",
  // tool-specs.ts (usedFor)
  "creating namespaces": "名前空間を作る",
  "entering a running container (step 7)": "動いているコンテナに入る（ステップ 7）",
  "mounting /proc, overlays and binds": "/proc、overlay、バインドをマウントする",
  "changing the root directory (step 1)": "ルートディレクトリを変える（ステップ 1）",
  "network namespaces, veth pairs and bridges (steps 5, 8)":
    "ネットワーク名前空間、veth ペア、ブリッジ（ステップ 5、8）",
  "the default root filesystem (must be static: it runs without the host's libraries)":
    "既定のルートファイルシステム（ホストのライブラリなしで動くので、静的リンクであること）",
  "unpacking root filesystem images": "ルートファイルシステムのイメージを展開する",
  "dropping capabilities (step 11)": "ケーパビリティを落とす（ステップ 11）",
  "switching the root with pivot_root (step 11)": "pivot_root でルートを切り替える（ステップ 11）",
  "running the course notebooks": "コースのノートブックを実行する",
  "printing handouts to PDF (optional)": "配布資料を PDF に印刷する（任意）",
  "--kill-child, so a killed unshare takes its container with it":
    "--kill-child（unshare を強制終了するとコンテナも一緒に終わる）",
  // cgroups/detect (notes on usable controllers)
  "a new v1 cpuset cgroup starts with empty cpuset.cpus and cpuset.mems: copy the parent's values into it before adding a process":
    "新しい v1 の cpuset cgroup は cpuset.cpus と cpuset.mems が空の状態で始まる。プロセスを入れる前に親の値をコピーすること",
  "cgroup v2 has no cpuacct controller: CPU usage is usage_usec in cpu.stat, present in every v2 cgroup (throttling counters in the same file need the cpu controller)":
    "cgroup v2 には cpuacct コントローラがない。CPU 使用量はどの v2 cgroup にもある cpu.stat の usage_usec（同じファイルのスロットリングの数値には cpu コントローラが必要）",
  "cgroup v2 has no freezer controller: every non-root cgroup has cgroup.freeze (kernel >= 5.2)":
    "cgroup v2 には freezer コントローラがない。ルート以外のどの cgroup にも cgroup.freeze がある（カーネル 5.2 以降）",
  "not usable": "使えない",
};

/** Texts with values in them: a pattern and its Japanese (`$1`... are the captured values). */
const PATTERNS: readonly (readonly [RegExp, string])[] = [
  [
    /^uid (\d+) with passwordless sudo: nsbook runs privileged commands through `sudo -n`$/,
    "uid $1、パスワードなしの sudo あり：nsbook は特権の要るコマンドを `sudo -n` で実行する",
  ],
  [
    /^rootless: uid (\d+), no passwordless sudo, unprivileged user namespaces work$/,
    "rootless：uid $1、パスワードなしの sudo はなく、非特権のユーザー名前空間は使える",
  ],
  [
    /^uid (\d+) without sudo, and unprivileged user namespaces do not work(.*)$/s,
    "uid $1、sudo なし、非特権のユーザー名前空間も使えない$2",
  ],
  [/^([\w.]+)=(\S+): not restricted$/, "$1=$2：制限なし"],
  [/^([\w.]+)=(\S+): allowed$/, "$1=$2：許可されている"],
  [/^(user\.max_user_namespaces=\d+)$/, "$1"],
  [
    /^([\w.]+)=1 \(Ubuntu 23\.10\+\): unprivileged programs may create a user namespace but not map IDs in it \("([^"]*)"\); root is not affected$/,
    '$1=1（Ubuntu 23.10 以降）：非特権のプログラムはユーザー名前空間を作れるが、その中で ID を対応付けられない（"$2"）。root には影響しない',
  ],
  [
    /^([\w.]+)=0 \(Debian before 11\): only root may create user namespaces \("([^"]*)"\)$/,
    '$1=0（Debian 11 より前）：ユーザー名前空間を作れるのは root だけ（"$2"）',
  ],
  [
    /^([\w.]+)=0: nobody, root included, may create user namespaces \("([^"]*)"\)$/,
    '$1=0：root を含め、誰もユーザー名前空間を作れない（"$2"）',
  ],
  [
    /^(`sudo sysctl -w [^`]+`) \(to keep it after a reboot: (`[^`]+`)\)(, or run nsbook as root \(sudo\))?$/,
    "$1（再起動後も保つには $2）$3",
  ],
  [
    /^usable: nsbook will move this cgroup's processes into (\S+) first \(a cgroup v2 gives controllers to its children only while it holds no processes itself\)$/,
    "使える：nsbook は先にこの cgroup のプロセスを $1 に移す（cgroup v2 は、自分がプロセスを持たないときだけ子にコントローラを渡す）",
  ],
  [
    /^this cgroup's processes are in (\S+), where nsbook moved them; containers' cgroups go beside it in (\S+)$/,
    "この cgroup のプロセスは nsbook が移した $1 にある。コンテナの cgroup はその隣（$2）に作る",
  ],
];

// ", or run nsbook as root (sudo)" inside a fix, once the pattern above kept it as $3.
const TAILS: readonly (readonly [string, string])[] = [
  [", or run nsbook as root (sudo)", "、または nsbook を root（sudo）で実行する"],
];

/** The Japanese of an English text from another module, or the English itself when the catalogue lacks it. */
export function japaneseOf(english: string): string {
  const exact = EXACT[english];
  if (exact !== undefined) return exact;
  for (const [pattern, ja] of PATTERNS) {
    if (!pattern.test(english)) continue;
    let text = english.replace(pattern, ja);
    for (const [en, tail] of TAILS) text = text.replace(en, tail);
    return text;
  }
  // Several texts joined with "; " (notes of one controller, fixes of several restrictions).
  const parts = english.split("; ");
  return parts.length > 1 ? parts.map(japaneseOf).join("。") : english;
}

/** An English text from another module with its Japanese from the catalogue. */
export function bilingual(english: string): Bilingual {
  return { en: english, ja: japaneseOf(english) };
}
