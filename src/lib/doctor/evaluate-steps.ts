// Which course steps can run, given the checks and the privilege mode.

import { COURSE_STEPS } from "../course/index.js";
import { type PrivilegeMode, stepsUnavailableIn } from "../privilege/index.js";
import { japaneseOf } from "./checks/japanese.js";
import type { DoctorCheck, StepReadiness } from "./types.js";

/** A step is blocked by every check it needs that failed, and by its privilege mode's limits. */
export function evaluateSteps(checks: readonly DoctorCheck[], mode: PrivilegeMode): StepReadiness[] {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const limits = stepsUnavailableIn(mode);
  return COURSE_STEPS.map(({ step, title, titleJa, needs }) => {
    const failed = needs.filter((id) => byId.get(id)?.status === "fail");
    const limit = limits.find((l) => l.step === step);
    const blockedBy = [...new Set([...(limit ? ["privilege.mode"] : []), ...failed])];
    if (blockedBy.length === 0) return { step, title, runnable: true, ja: { title: titleJa } };
    const failing = failed.filter((id) => id !== "privilege.mode" || !limit);
    const named = (id: string, lang: "en" | "ja") => {
      const c = byId.get(id);
      return `${(lang === "ja" ? c?.ja?.title : c?.title) ?? c?.title ?? id} (${id})`;
    };
    const reasons = [
      ...(limit ? [`${mode} mode: ${limit.why}`] : []),
      ...(failing.length > 0 ? [`blocked by ${failing.map((id) => named(id, "en")).join(", ")}`] : []),
    ];
    const reasonsJa = [
      ...(limit ? [`${mode} モード：${japaneseOf(limit.why)}`] : []),
      ...(failing.length > 0 ? [`原因：${failing.map((id) => named(id, "ja")).join("、")}`] : []),
    ];
    return {
      step,
      title,
      runnable: false,
      why: reasons.join("; "),
      blockedBy,
      ja: { title: titleJa, why: reasonsJa.join("。") },
    };
  });
}
