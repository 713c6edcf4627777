// nsbook's container, default and hardened, next to what `docker run` (runc) sets up by default: data for a table.
import {
  DOCKER_DEFAULT_CAPABILITIES,
  keptCapabilities,
  LINUX_CAPABILITIES,
  normalizeCapDrop,
} from "../hardening/capabilities.js";
import { RUNC_MASKED_PATHS, RUNC_READONLY_PATHS } from "../hardening/runc-paths.js";

/** The cells of one row of the comparison. */
export interface ComparisonCells {
  aspect: string;
  nsbookDefault: string;
  nsbookHardened: string;
  docker: string;
}

/** One row of the comparison, in English, with its Japanese. */
export interface ComparisonRow extends ComparisonCells {
  ja: ComparisonCells;
}

/** The hardened container the comparison describes (what the caller used). */
export interface ComparisonOptions {
  /** Capabilities the hardened container drops. @default ["ALL"] */
  capDrop?: readonly string[];
  /** Its pids limit, if any. @default none */
  pids?: number;
  /** Masked paths on. @default true */
  maskPaths?: boolean;
  /** Read-only paths on. @default true */
  readonlyPaths?: boolean;
  /** no_new_privs on. @default false */
  noNewPrivs?: boolean;
}

type Cell = string | { en: string; ja: string };

function capsText(kept: readonly string[]): Cell {
  if (kept.length === LINUX_CAPABILITIES.length)
    return { en: `all of root's (up to ${kept.length})`, ja: `root のすべて（最大 ${kept.length}）` };
  if (kept.length === 0) return NONE;
  if (kept.length > 20)
    return {
      en: `${kept.length} of ${LINUX_CAPABILITIES.length}`,
      ja: `${LINUX_CAPABILITIES.length} のうち ${kept.length}`,
    };
  return `${kept.length}: ${kept.join(", ")}`;
}

const NONE: Cell = { en: "none", ja: "なし" };
const NO_SECCOMP: Cell = {
  en: "none: nsbook has no seccomp filter",
  ja: "なし：nsbook には seccomp のフィルタがない",
};
const NOT_MOUNTED: Cell = { en: "not mounted", ja: "マウントしない" };
const DETACHED: Cell = { en: "pivot_root, old root detached", ja: "pivot_root、古いルートは切り離す" };

function row(aspect: Cell, nsbookDefault: Cell, nsbookHardened: Cell, docker: Cell): ComparisonRow {
  const en = (c: Cell) => (typeof c === "string" ? c : c.en);
  const ja = (c: Cell) => (typeof c === "string" ? c : c.ja);
  return {
    aspect: en(aspect),
    nsbookDefault: en(nsbookDefault),
    nsbookHardened: en(nsbookHardened),
    docker: en(docker),
    ja: {
      aspect: ja(aspect),
      nsbookDefault: ja(nsbookDefault),
      nsbookHardened: ja(nsbookHardened),
      docker: ja(docker),
    },
  };
}

/**
 * The rows of the comparison: namespaces, root switch, capabilities kept, masked and read-only paths, pids limit,
 * seccomp, no_new_privs, /sys and LSM. The Docker column is Docker's defaults as handed to runc on a cgroup v2
 * host (`runc spec` alone writes a stricter example: three capabilities and no_new_privs on).
 */
export function hardeningComparison(options: ComparisonOptions = {}): ComparisonRow[] {
  const drop = normalizeCapDrop(options.capDrop ?? ["ALL"]);
  const mask = options.maskPaths ?? true;
  const ro = options.readonlyPaths ?? true;
  const nnp = options.noNewPrivs ?? false;
  const ns = "pid, mount, uts, ipc, net";
  const masked = `${RUNC_MASKED_PATHS.length}`;
  const readonly = RUNC_READONLY_PATHS.join(", ");
  return [
    row({ en: "namespaces", ja: "名前空間" }, ns, ns, {
      en: `${ns} (+ cgroup on cgroup v2)`,
      ja: `${ns}（cgroup v2 では + cgroup）`,
    }),
    row(
      { en: "root switch", ja: "ルートの切り替え" },
      { en: "chroot (escapable by root)", ja: "chroot（root なら抜け出せる）" },
      DETACHED,
      DETACHED,
    ),
    row(
      { en: "capabilities kept by root", ja: "root に残るケーパビリティ" },
      capsText(LINUX_CAPABILITIES),
      capsText(keptCapabilities(drop)),
      capsText(DOCKER_DEFAULT_CAPABILITIES),
    ),
    row(
      { en: "masked paths", ja: "隠すパス" },
      NONE,
      mask ? { en: `${masked} (runc's list)`, ja: `${masked}（runc の一覧）` } : NONE,
      `${masked} (${RUNC_MASKED_PATHS.slice(2, 4).join(", ")}, ...)`,
    ),
    row(
      { en: "read-only paths", ja: "読み取り専用のパス" },
      { en: "none (root can write /proc/sys)", ja: "なし（root は /proc/sys に書ける）" },
      ro ? readonly : NONE,
      readonly,
    ),
    row(
      { en: "pids limit", ja: "プロセス数の上限" },
      { en: "none (unless --pids)", ja: "なし（--pids を付けなければ）" },
      options.pids === undefined ? NONE : `${options.pids}`,
      { en: "none (unless --pids-limit)", ja: "なし（--pids-limit を付けなければ）" },
    ),
    row("seccomp", NO_SECCOMP, NO_SECCOMP, {
      en: "default profile (refuses e.g. kexec_load, reboot, open_by_handle_at)",
      ja: "既定のプロファイル（kexec_load、reboot、open_by_handle_at などを拒否）",
    }),
    row(
      "no_new_privs",
      { en: "off", ja: "オフ" },
      nnp ? { en: "on", ja: "オン" } : { en: "off", ja: "オフ" },
      {
        en: "off (--security-opt no-new-privileges turns it on)",
        ja: "オフ（--security-opt no-new-privileges でオン）",
      },
    ),
    row("/sys", NOT_MOUNTED, NOT_MOUNTED, { en: "sysfs, read-only", ja: "sysfs、読み取り専用" }),
    row("LSM", NONE, NONE, {
      en: "AppArmor docker-default or SELinux, where the host has one",
      ja: "ホストにあれば AppArmor の docker-default か SELinux",
    }),
  ];
}
