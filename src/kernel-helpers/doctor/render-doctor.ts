// Doctor's report as HTML: a verdict line, the checks grouped by section, the cgroup controllers, and
// which course steps this machine can run (and what blocks the others). Pure.
import type {
  CgroupDetection,
  ControllerPlacement,
  DoctorCheck,
  DoctorReport,
  StepReadiness,
} from "../../lib/index.js";
import { currentLang, type Lang } from "../i18n/index.js";
import { escapeHtml } from "../render/escape-html.js";
import { htmlTable } from "../render/html-table.js";
import { inlineCodeHtml } from "../render/inline-code.js";
import { statusMark } from "../render/status-mark.js";
import { NO_MATH_CLASS } from "../render/styles.js";

/** Section order (the same as `nsbook doctor`'s text) and titles. Unknown sections follow, titled by their id. */
export const DOCTOR_SECTIONS: readonly { id: string; en: string; ja: string }[] = [
  { id: "privilege", en: "Privileges", ja: "権限" },
  { id: "kernel", en: "Kernel", ja: "カーネル" },
  { id: "environment", en: "Environment", ja: "実行環境" },
  { id: "namespaces", en: "Namespaces", ja: "名前空間 (namespace)" },
  { id: "filesystems", en: "Filesystems", ja: "ファイルシステム" },
  { id: "cgroups", en: "cgroups", ja: "cgroup" },
  { id: "userns", en: "User namespace restrictions", ja: "ユーザー名前空間の制限" },
  { id: "rootfs", en: "Root filesystem", ja: "ルートファイルシステム" },
  { id: "tools", en: "Tools", ja: "ツール" },
];

const W = {
  status: { en: "status", ja: "状態" },
  check: { en: "check", ja: "項目" },
  found: { en: "what was found", ja: "結果" },
  fix: { en: "how to fix", ja: "直し方" },
  step: { en: "step", ja: "ステップ" },
  title: { en: "title", ja: "内容" },
  canRun: { en: "can run here?", ja: "実行できるか" },
  yes: { en: "yes", ja: "できる" },
  no: { en: "no", ja: "できない" },
  why: { en: "why not", ja: "理由" },
  blockedBy: { en: "blocked by", ja: "原因の項目" },
  steps: { en: "Course steps on this machine", ja: "このマシンで実行できるステップ" },
  controller: { en: "controller", ja: "コントローラ" },
  version: { en: "version", ja: "バージョン" },
  mount: { en: "mount point", ja: "マウント先" },
  caller: { en: "our cgroup", ja: "このプロセスの cgroup" },
  usable: { en: "usable", ja: "使えるか" },
  cgroups: { en: "cgroup controllers", ja: "cgroup コントローラ" },
  privilege: { en: "privileges", ja: "権限" },
  kernel: { en: "kernel", ja: "カーネル" },
  layout: { en: "cgroup layout", ja: "cgroup の構成" },
  allOk: {
    en: "Every step of the course can run on this machine.",
    ja: "このマシンでコースの全ステップを実行できます。",
  },
  fixesTitle: { en: "What to fix", ja: "直すべきこと" },
} as const;

const PRIVILEGE_TEXT: Record<DoctorReport["privilege"], { en: string; ja: string }> = {
  root: { en: "root", ja: "root" },
  sudo: { en: "passwordless sudo", ja: "パスワードなし sudo" },
  rootless: { en: "rootless (user namespaces)", ja: "rootless（ユーザー名前空間）" },
  none: { en: "none (cannot create containers)", ja: "なし（コンテナを作れません）" },
};

const LAYOUT_TEXT: Record<CgroupDetection["layout"], { en: string; ja: string }> = {
  v1: { en: "v1 only", ja: "v1 のみ" },
  v2: { en: "v2 (unified)", ja: "v2（unified）" },
  hybrid: { en: "hybrid (v1 controllers + v2)", ja: "hybrid（v1 コントローラ + v2）" },
  none: { en: "not mounted", ja: "マウントされていない" },
};

function sectionTitle(id: string, lang: Lang): string {
  const s = DOCTOR_SECTIONS.find((x) => x.id === id);
  return s ? s[lang] : id;
}

/** A check's title, detail and fix in `lang` (the English ones when the library gave no Japanese). */
export function checkText(
  c: DoctorCheck,
  lang: Lang = currentLang(),
): { title: string; detail: string; fix?: string } {
  if (lang === "ja" && c.ja) return c.ja;
  return { title: c.title, detail: c.detail, ...(c.fix !== undefined ? { fix: c.fix } : {}) };
}

/** A step's title and why-not in `lang`. */
export function stepText(s: StepReadiness, lang: Lang = currentLang()): { title: string; why?: string } {
  if (lang === "ja" && s.ja) return s.ja;
  return { title: s.title, ...(s.why !== undefined ? { why: s.why } : {}) };
}

/** A cgroup controller's why-not and fix in `lang`. */
function placementText(c: ControllerPlacement, lang: Lang): string {
  const text = lang === "ja" && c.ja ? c.ja : c;
  return [text.whyNot, text.fix].filter(Boolean).join(" — ");
}

/** Checks grouped by section, in {@link DOCTOR_SECTIONS} order (pure). */
export function groupChecks(checks: readonly DoctorCheck[]): { section: string; checks: DoctorCheck[] }[] {
  const order = DOCTOR_SECTIONS.map((s) => s.id);
  const sections = [...new Set(checks.map((c) => c.group))].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib);
  });
  return sections.map((section) => ({ section, checks: checks.filter((c) => c.group === section) }));
}

/** One line: privilege mode, kernel, cgroup layout, and the verdict. */
export function renderDoctorVerdict(report: DoctorReport, lang: Lang = currentLang()): string {
  const blocked = report.steps.filter((s) => !s.runnable);
  const verdict = report.ok
    ? statusMark("ok", W.allOk[lang], lang)
    : statusMark(
        "fail",
        lang === "ja"
          ? `${report.steps.length} ステップ中 ${blocked.length} ステップはこのマシンでは実行できません（下の表を参照）。`
          : `${blocked.length} of ${report.steps.length} steps cannot run on this machine (see the tables below).`,
        lang,
      );
  const facts = [
    `${W.privilege[lang]}: <b>${escapeHtml(PRIVILEGE_TEXT[report.privilege][lang])}</b>`,
    `${W.kernel[lang]}: <b>${escapeHtml(report.kernelRelease)}</b>`,
    `${W.layout[lang]}: <b>${escapeHtml(LAYOUT_TEXT[report.cgroups.layout][lang])}</b>`,
  ];
  return `<div class="nsbook-doctor-verdict ${NO_MATH_CLASS}" data-nsbook-doctor-ok="${report.ok}" style="margin:6px 0">${facts.join(" &nbsp;·&nbsp; ")}<div style="margin-top:4px">${verdict}</div></div>`;
}

/** The checks, one table per section; warnings and failures highlighted. */
export function renderDoctorChecks(report: DoctorReport, lang: Lang = currentLang()): string {
  return groupChecks(report.checks)
    .map(({ section, checks }) =>
      htmlTable(
        checks,
        [
          { header: W.status, key: "status", format: "status" },
          { header: W.check, value: (c) => checkText(c, lang).title },
          { header: W.found, value: (c) => checkText(c, lang).detail, format: "code-spans" },
          { header: W.fix, value: (c) => checkText(c, lang).fix, format: "code-spans" },
        ],
        {
          caption: sectionTitle(section, lang),
          highlight: (c) => c.status === "fail" || c.status === "warn",
          lang,
        },
      ),
    )
    .join("\n");
}

/** Per controller: which cgroup version serves it, where, and whether nsbook can create cgroups there. */
export function renderCgroupControllers(cgroups: CgroupDetection, lang: Lang = currentLang()): string {
  return htmlTable(
    cgroups.controllers,
    [
      { header: W.controller, key: "controller", format: "mono" },
      {
        header: W.version,
        value: (c: ControllerPlacement) => (c.version === "none" ? "—" : `v${c.version}`),
      },
      { header: W.mount, key: "mountPoint", format: "mono" },
      { header: W.caller, key: "callerPath", format: "mono" },
      { header: W.usable, value: (c) => (c.usable ? "ok" : "fail"), format: "status" },
      { header: W.why, value: (c) => placementText(c, lang), format: "code-spans" },
    ],
    { caption: W.cgroups[lang], highlight: (c) => !c.usable, lang },
  );
}

/** Which course steps can run here, and why the others cannot. */
export function renderSteps(steps: readonly StepReadiness[], lang: Lang = currentLang()): string {
  return htmlTable(
    steps,
    [
      { header: W.step, key: "step", align: "right" },
      { header: W.title, value: (s) => stepText(s, lang).title },
      {
        header: W.canRun,
        value: (s) => statusMark(s.runnable ? "ok" : "fail", s.runnable ? W.yes[lang] : W.no[lang], lang),
        format: "html",
      },
      { header: W.why, value: (s) => stepText(s, lang).why, format: "code-spans" },
      { header: W.blockedBy, value: (s) => (s.blockedBy ?? []).join(", "), format: "mono" },
    ],
    { caption: W.steps[lang], highlight: (s) => !s.runnable, lang },
  );
}

/** The fixes of every failed or warned check, without repeats, as a list (empty string when none). */
export function renderFixes(report: DoctorReport, lang: Lang = currentLang()): string {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const c of report.checks) {
    const text = checkText(c, lang);
    if ((c.status !== "fail" && c.status !== "warn") || !text.fix || seen.has(text.fix)) continue;
    seen.add(text.fix);
    items.push(
      `<li>${statusMark(c.status, undefined, lang)} ${escapeHtml(text.title)}: ${inlineCodeHtml(text.fix)}</li>`,
    );
  }
  if (items.length === 0) return "";
  return `<div class="${NO_MATH_CLASS}"><b>${W.fixesTitle[lang]}</b><ul style="margin:4px 0">${items.join("")}</ul></div>`;
}

/** Which parts {@link renderDoctorReport} includes. */
export type DoctorPart = "verdict" | "checks" | "cgroups" | "steps" | "fixes";

/** The whole report (or the chosen parts) as one HTML fragment. */
export function renderDoctorReport(
  report: DoctorReport,
  parts: readonly DoctorPart[] = ["verdict", "checks", "cgroups", "steps", "fixes"],
  lang: Lang = currentLang(),
): string {
  const render: Record<DoctorPart, () => string> = {
    verdict: () => renderDoctorVerdict(report, lang),
    checks: () => renderDoctorChecks(report, lang),
    cgroups: () => renderCgroupControllers(report.cgroups, lang),
    steps: () => renderSteps(report.steps, lang),
    fixes: () => renderFixes(report, lang),
  };
  return `<div class="nsbook-doctor ${NO_MATH_CLASS}">${parts.map((p) => render[p]()).join("\n")}</div>`;
}
