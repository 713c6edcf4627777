// The start page's "this machine" table: WSL or not, a container or not, which init runs, the cgroup layout
// and, for the two controllers step 06 limits, which version serves them and which files a limit is written to.
// The original course assumed cgroup v2 paths; this shows what is true here.
import {
  type ControllerName,
  type ControllerPlacement,
  type DoctorReport,
  type InitFacts,
  readInitFacts,
} from "../../../lib/index.js";
import { showHtml } from "../../display/index.js";
import { checkText } from "../../doctor/render-doctor.js";
import { currentLang, type Lang } from "../../i18n/index.js";
import { htmlTable } from "../../render/html-table.js";
import type { Status } from "../../render/status-mark.js";

/** One row of the table. */
export interface MachineRow {
  what: string;
  status: Status;
  found: string;
  /** What it means for the course. */
  meaning: string;
}

type Text = { en: string; ja: string };

// Files a limit of step 06 is written to, per cgroup version.
const LIMIT_FILES: Partial<Record<ControllerName, { v1: string; v2: string }>> = {
  memory: { v1: "memory.limit_in_bytes", v2: "memory.max" },
  cpu: { v1: "cpu.cfs_quota_us + cpu.cfs_period_us", v2: "cpu.max" },
};

const LAYOUT: Record<DoctorReport["cgroups"]["layout"], Text> = {
  v2: {
    en: "pure v2: one hierarchy, the layout the original course's commands expect",
    ja: "v2 のみ：階層は 1 つ。元のコースのコマンドが前提にしている構成",
  },
  hybrid: {
    en: "hybrid: controllers on v1 hierarchies, a v2 tree beside them; the original's v2 paths do not exist",
    ja: "hybrid：コントローラは v1 の階層にあり、その横に v2 のツリー。元のコースの v2 のパスはない",
  },
  v1: {
    en: "v1 only: one hierarchy per controller; the original's v2 paths do not exist",
    ja: "v1 のみ：コントローラごとに階層がある。元のコースの v2 のパスはない",
  },
  none: {
    en: "no cgroup filesystem: step 06 cannot run",
    ja: "cgroup ファイルシステムがない：ステップ 06 は実行できない",
  },
};

function wslRow(report: DoctorReport, lang: Lang): MachineRow {
  const c = report.checks.find((x) => x.id === "env.wsl");
  const wsl = c !== undefined && c.status !== "ok";
  const meaning: Text = !wsl
    ? { en: "nothing WSL-specific applies", ja: "WSL 特有の注意はない" }
    : c?.status === "fail"
      ? {
          en: "WSL1 has no Linux kernel: convert to WSL2",
          ja: "WSL1 には Linux カーネルがない。WSL2 に変換する",
        }
      : {
          en: "a real Linux kernel: namespaces work; cgroups depend on the WSL version and settings",
          ja: "本物の Linux カーネル。名前空間は動く。cgroup は WSL のバージョンと設定しだい",
        };
  return {
    what: "WSL",
    status: c?.status === "fail" ? "fail" : wsl ? "info" : "ok",
    found: c ? checkText(c, lang).detail : "?",
    meaning: meaning[lang],
  };
}

function containerRow(report: DoctorReport, lang: Lang): MachineRow {
  const c = report.checks.find((x) => x.id === "env.container");
  const inside = c !== undefined && c.status !== "ok";
  const meaning: Text = !inside
    ? { en: "nsbook runs on the host itself", ja: "nsbook はホストの上で直接動いている" }
    : c?.status === "fail"
      ? { en: "see doctor's fix above", ja: "上の doctor の直し方を参照" }
      : {
          en: "containers inside a privileged container work",
          ja: "特権付きコンテナの中なので、その中にコンテナを作れる",
        };
  return {
    what: lang === "ja" ? "コンテナの中か" : "inside a container",
    status: c?.status === "fail" ? "fail" : inside ? "info" : "ok",
    found: c ? checkText(c, lang).detail : "?",
    meaning: meaning[lang],
  };
}

function initRow(init: InitFacts, lang: Lang): MachineRow {
  const found = `PID 1: ${init.pid1 ?? "?"}${init.systemd ? " (systemd)" : ""}`;
  const meaning: Text = init.systemd
    ? {
        en: "on cgroup v2 your session sits in a systemd scope: doctor checks that cgroups can still be made below it",
        ja: "cgroup v2 ではセッションが systemd の scope に入る。その下に cgroup を作れるかを doctor が調べる",
      }
    : {
        en: "no systemd: nothing manages cgroups but the kernel (and nsbook)",
        ja: "systemd がない。cgroup を管理するのはカーネル（と nsbook）だけ",
      };
  return {
    what: lang === "ja" ? "init（PID 1）" : "init (PID 1)",
    status: "info",
    found,
    meaning: meaning[lang],
  };
}

function controllerRow(p: ControllerPlacement, lang: Lang): MachineRow {
  const files = LIMIT_FILES[p.controller];
  const where = p.version === "none" ? "—" : `v${p.version} ${p.mountPoint ?? ""}`.trim();
  const file = files && p.version !== "none" ? (p.version === 1 ? files.v1 : files.v2) : undefined;
  const meaning = p.usable
    ? lang === "ja"
      ? `ステップ 06 の制限は \`${file}\` に書き込まれる`
      : `step 06 writes its limit to \`${file}\``
    : ((lang === "ja" ? p.ja?.whyNot : undefined) ?? p.whyNot ?? "");
  return {
    what: `cgroup ${p.controller}`,
    status: p.usable ? "ok" : "fail",
    found: where,
    meaning,
  };
}

/** The table's rows (pure). */
export function machineRows(report: DoctorReport, init: InitFacts, lang: Lang = currentLang()): MachineRow[] {
  const layout: MachineRow = {
    what: lang === "ja" ? "cgroup の構成" : "cgroup layout",
    status: report.cgroups.layout === "none" ? "fail" : "info",
    found: report.cgroups.layout,
    meaning: LAYOUT[report.cgroups.layout][lang],
  };
  const controllers = report.cgroups.controllers
    .filter((p) => LIMIT_FILES[p.controller] !== undefined)
    .map((p) => controllerRow(p, lang));
  return [wslRow(report, lang), containerRow(report, lang), initRow(init, lang), layout, ...controllers];
}

/** The table as HTML (pure). */
export function renderMachineRows(rows: readonly MachineRow[], lang: Lang = currentLang()): string {
  return htmlTable(
    rows,
    [
      { header: { en: "", ja: "" }, key: "status", format: "status" },
      { header: { en: "what", ja: "項目" }, key: "what" },
      { header: { en: "found here", ja: "このマシンでは" }, key: "found", format: "mono" },
      {
        header: { en: "what it means for the course", ja: "コースにとっての意味" },
        key: "meaning",
        format: "code-spans",
      },
    ],
    {
      caption: { en: "This machine", ja: "このマシン" },
      highlight: (r) => r.status === "fail",
      lang,
    },
  );
}

/** Reads the init, shows the table for `report` and returns its rows. */
export async function showMachineSummary(
  report: DoctorReport,
  lang: Lang = currentLang(),
): Promise<MachineRow[]> {
  const rows = machineRows(report, await readInitFacts(), lang);
  showHtml(renderMachineRows(rows, lang));
  return rows;
}
