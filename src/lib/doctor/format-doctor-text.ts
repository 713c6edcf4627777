// The doctor report as text for a terminal: sections of checks with marks, fixes under problems, then the
// course steps that will not run and why.
import { CORE_STEPS } from "../course/index.js";
import type { DoctorCheck, DoctorReport } from "./types.js";

/** The mark of each status: ✓ ok, ! warning, ✗ failure, · information. */
export const STATUS_MARKS: Readonly<Record<DoctorCheck["status"], string>> = {
  ok: "✓",
  warn: "!",
  fail: "✗",
  info: "·",
};

/** Section titles, in the order sections are printed. */
export const GROUP_TITLES: Readonly<Record<string, string>> = {
  privilege: "Privilege",
  kernel: "Kernel",
  environment: "Environment",
  namespaces: "Namespaces",
  filesystems: "Filesystems",
  cgroups: "cgroups",
  userns: "User namespace restrictions",
  rootfs: "Root filesystem",
  tools: "Tools",
};

function groupsInOrder(checks: readonly DoctorCheck[]): string[] {
  const known = Object.keys(GROUP_TITLES);
  const seen = [...new Set(checks.map((c) => c.group))];
  return [...known.filter((g) => seen.includes(g)), ...seen.filter((g) => !known.includes(g))];
}

function verdict(report: DoctorReport): string {
  const blocked = report.steps.filter((s) => !s.runnable);
  const core = blocked.filter((s) => CORE_STEPS.includes(s.step)).map((s) => s.step);
  const extra = blocked.filter((s) => !CORE_STEPS.includes(s.step)).map((s) => s.step);
  const also =
    extra.length > 0
      ? ` (beyond the course, step${extra.length > 1 ? "s" : ""} ${extra.join(", ")} will not run)`
      : "";
  if (report.ok) return `The whole course (steps 1-7) can run here${also}.`;
  return `Step${core.length > 1 ? "s" : ""} ${core.join(", ")} of the course will not run here${also}: see the fixes above.`;
}

/** Renders a doctor report for a terminal. */
export function formatDoctorText(report: DoctorReport): string {
  const width = Math.max(...report.checks.map((c) => c.title.length));
  const lines = [`nsbook doctor: Linux ${report.kernelRelease}, privilege mode ${report.privilege}`, ""];
  let lastFix: string | undefined;
  for (const group of groupsInOrder(report.checks)) {
    lines.push(GROUP_TITLES[group] ?? group);
    for (const c of report.checks.filter((x) => x.group === group)) {
      lines.push(`  ${STATUS_MARKS[c.status]} ${c.title.padEnd(width)}  ${c.detail}`);
      if (c.fix && (c.status === "warn" || c.status === "fail")) {
        lines.push(`  ${" ".repeat(width + 4)}fix: ${c.fix === lastFix ? "the same as above" : c.fix}`);
        lastFix = c.fix;
      }
    }
  }
  lines.push("", "Course steps on this machine");
  for (const s of report.steps) {
    const mark = s.runnable
      ? STATUS_MARKS.ok
      : CORE_STEPS.includes(s.step)
        ? STATUS_MARKS.fail
        : STATUS_MARKS.warn;
    lines.push(`  ${mark} ${String(s.step).padStart(2)}  ${s.title}`);
    if (!s.runnable && s.why) lines.push(`        ${s.why}`);
  }
  lines.push("", verdict(report));
  return `${lines.join("\n")}\n`;
}
