// Can this machine apply cgroup limits? Doctor's verdict on step 6, said once at the top of notebook 06 and
// repeated by every check that depends on it, so a machine that cannot run the step gets one clear reason
// (and its fix) instead of a crash in each cell.
import type { DoctorReport } from "../../../lib/index.js";
import { type Condition, check } from "../../checks/index.js";
import { showHtml } from "../../display/index.js";
import { checkText, stepText } from "../../doctor/render-doctor.js";
import { currentLang, type Lang, type Localized, localize } from "../../i18n/index.js";
import { escapeHtml } from "../../render/escape-html.js";
import { calloutHtml } from "../../render/index.js";
import { inlineCodeHtml } from "../../render/inline-code.js";
import { statusMark } from "../../render/status-mark.js";
import { NO_MATH_CLASS } from "../../render/styles.js";

/** What notebook 06 may do here. */
export interface CgroupsReadiness {
  /** Memory and CPU limits can be applied (doctor says step 6 can run, and nsbook runs as root). */
  ok: boolean;
  /** A pids limit can be applied too. */
  pidsOk: boolean;
  /** Why not, when memory and CPU limits work but pids does not. */
  pidsWhy?: Localized;
  /** Why not, in doctor's words, when not ok. */
  why?: Localized;
  /** The fixes doctor suggests for what blocks the step (commands or actions), without repeats. */
  fixes: Localized[];
}

/** Step 6 of the course in doctor's list. */
const CGROUPS_STEP = 6;

/** Reads doctor's report for what notebook 06 needs (pure). */
export function cgroupsReadiness(report: DoctorReport): CgroupsReadiness {
  const step = report.steps.find((s) => s.step === CGROUPS_STEP);
  const blocking = new Set(step?.blockedBy ?? []);
  const blockers = report.checks.filter((c) => blocking.has(c.id) && c.fix !== undefined);
  const fixes = [
    ...new Map(blockers.map((c) => [c.fix, { en: c.fix ?? "", ja: checkText(c, "ja").fix ?? "" }])).values(),
  ];
  const pids = report.cgroups.controllers.find((c) => c.controller === "pids");
  if (report.privilege !== "root") {
    // The resource hook writes cgroup files from this very process: sudo in front of each command is not enough.
    return {
      ok: false,
      pidsOk: false,
      why: {
        en: `cgroup limits need the notebook's kernel itself to run as root (it writes the cgroup files), and it runs in "${report.privilege}" mode`,
        ja: `cgroup の制限には、ノートブックの Jupyter カーネル自体が root で動いている必要があります（cgroup のファイルを書くのはカーネルです）。いまは「${report.privilege}」モードで動いています`,
      },
      // Doctor's other fixes (rootless user namespaces, a per-user root filesystem) do not apply as root.
      fixes: [
        {
          en: "start the course as root (`sudo npm run course` in the project folder), then run this page again",
          ja: "コースを root で起動し（プロジェクトのディレクトリで `sudo npm run course`）、このノートブックをもう一度実行してください",
        },
      ],
    };
  }
  if (!step?.runnable) {
    return {
      ok: false,
      pidsOk: false,
      why: step
        ? { en: step.why ?? "", ja: stepText(step, "ja").why ?? "" }
        : {
            en: "doctor does not list step 6 of the course",
            ja: "doctor の一覧にコースのステップ 6 がありません",
          },
      fixes,
    };
  }
  if (!pids?.usable) {
    const whyNot = pids?.whyNot ?? "no hierarchy has it";
    const why = {
      en: `the pids cgroup controller is not usable here: ${whyNot}`,
      ja: `このマシンでは pids コントローラを使えません：${pids?.ja?.whyNot ?? "どの階層にもありません"}`,
    };
    const fix = pids?.fix;
    return {
      ok: true,
      pidsOk: false,
      pidsWhy: why,
      fixes: fix ? [{ en: fix, ja: pids?.ja?.fix ?? fix }] : [],
    };
  }
  return { ok: true, pidsOk: true, fixes: [] };
}

const WORDS = {
  ok: {
    en: "This machine can apply memory, CPU and pids limits: every cell below runs for real.",
    ja: "このマシンではメモリ・CPU・プロセス数の制限をかけられます。以下のセルはすべて実際に動きます。",
  },
  okNoPids: {
    en: "This machine can apply memory and CPU limits, but not a pids limit: section 5 will be skipped.",
    ja: "このマシンではメモリと CPU の制限はかけられますが、プロセス数の制限はかけられません。5 節は飛ばします。",
  },
  not: {
    en: "This machine cannot apply cgroup limits, so the experiments below are skipped and their checks fail with this reason:",
    ja: "このマシンでは cgroup の制限をかけられません。以下の実験は実行せず、チェックはこの理由で不合格になります。",
  },
  fix: { en: "What to do", ja: "対処" },
  skipped: {
    en: "Skipped: this machine cannot apply cgroup limits (see section 2).",
    ja: "スキップしました。このマシンでは cgroup の制限をかけられません（2 節を参照）。",
  },
  notRun: {
    en: "not run: this machine cannot apply these cgroup limits (section 2 says why and what to do)",
    ja: "実行していません。このマシンではこの cgroup の制限をかけられません（理由と対処は 2 節にあります）",
  },
  hintPrefix: {
    en: "this machine cannot apply cgroup limits",
    ja: "このマシンでは cgroup の制限をかけられません",
  },
} as const;

/** The verdict as an HTML block: ✓ and one line, or ✗ with doctor's reason and fixes (pure). */
export function readinessHtml(r: CgroupsReadiness, lang: Lang = currentLang()): string {
  if (r.ok) {
    const text = r.pidsOk ? WORDS.ok : WORDS.okNoPids;
    const mark = statusMark(r.pidsOk ? "ok" : "warn", localize(text, lang), lang);
    const why = r.pidsWhy
      ? `<div style="margin-top:4px">${inlineCodeHtml(localize(r.pidsWhy, lang))}</div>`
      : "";
    return `<div class="${NO_MATH_CLASS}" style="margin:6px 0">${mark}${why}</div>`;
  }
  const fixes = r.fixes.map((f) => `<li>${inlineCodeHtml(localize(f, lang))}</li>`).join("");
  return calloutHtml(
    "fail",
    `${statusMark("fail", localize(WORDS.not, lang), lang)}` +
      `<div style="margin-top:4px">${inlineCodeHtml(localize(r.why ?? "", lang))}</div>` +
      (fixes
        ? `<div style="margin-top:4px"><b>${escapeHtml(localize(WORDS.fix, lang))}:</b><ul>${fixes}</ul></div>`
        : ""),
  );
}

/** Shows the verdict (see {@link readinessHtml}). */
export function showReadiness(r: CgroupsReadiness): void {
  showHtml(readinessHtml(r));
}

/**
 * Shows the one-line note of a cell that did nothing: because the machine cannot apply limits (no `r`, or
 * `r` says so), else because `container` is not running (its start cell has not run since the kernel
 * started, or the clean-up cell removed it), else because the cells above it have not run.
 */
export function showSkipped(r?: CgroupsReadiness, container?: string): void {
  const text = !r?.ok
    ? localize(WORDS.skipped)
    : container !== undefined
      ? localize({
          en: `Skipped: container ${container} is not running; run the cell that starts it first.`,
          ja: `スキップしました。コンテナ ${container} が動いていません。先にそれを起動するセルを実行してください。`,
        })
      : localize({
          en: "Skipped: run the cells above first.",
          ja: "スキップしました。先に上のセルを実行してください。",
        });
  showHtml(`<div class="${NO_MATH_CLASS}" style="margin:6px 0">${statusMark("warn", text)}</div>`);
}

/** Which limits an experiment needs: memory and CPU (the step itself), or pids too. */
export type LimitsNeeded = "limits" | "pids";

/** True when the machine can run an experiment that needs `needs`. */
export function canRun(r: CgroupsReadiness, needs: LimitsNeeded = "limits"): boolean {
  return r.ok && (needs === "limits" || r.pidsOk);
}

/** Why the machine cannot run an experiment that needs `needs`, with what to do (empty when it can). */
export function readinessHint(r: CgroupsReadiness, needs: LimitsNeeded = "limits"): Localized {
  if (canRun(r, needs)) return "";
  const why = (lang: Lang) =>
    [
      localize((r.ok ? r.pidsWhy : r.why) ?? "", lang),
      ...r.fixes.map((f) => `${localize(WORDS.fix, lang)}: ${localize(f, lang)}`),
    ]
      .filter(Boolean)
      .join(lang === "ja" ? "。" : "; ");
  return { en: `${WORDS.hintPrefix.en}: ${why("en")}`, ja: `${WORDS.hintPrefix.ja}：${why("ja")}` };
}

/**
 * A self-check of an experiment that needs cgroup limits: the usual {@link check} when the machine can run
 * it, else a failed check that says so in one line (section 2 of the notebook has the reason and the fix);
 * the condition is then not evaluated.
 */
export async function checkWithLimits(
  r: CgroupsReadiness,
  title: Localized,
  condition: Condition,
  hint: Localized,
  needs: LimitsNeeded = "limits",
): Promise<void> {
  if (canRun(r, needs)) return check(title, condition, hint);
  return check(title, false, WORDS.notRun);
}
