// The pure half of doctor: from captured facts to the report, every check decided here.
import { type CgroupFacts, detectCgroupsFromFacts } from "../cgroups/detect/index.js";
import { CORE_STEPS, coreCheckIds } from "../course/index.js";
import { classifyPrivilege } from "../privilege/index.js";
import {
  type CheckContext,
  cgroupChecks,
  environmentChecks,
  kernelChecks,
  namespaceChecks,
  privilegeChecks,
  rootfsChecks,
  toolChecks,
  usernsChecks,
} from "./checks/index.js";
import { evaluateSteps } from "./evaluate-steps.js";
import type { DoctorFacts } from "./facts.js";
import type { DoctorCheck, DoctorReport } from "./types.js";

// In sudo mode nsbook acts as root, so judge cgroup directories as root would: writable unless read-only
// (a read-only mount stays visible in the mount options).
function asSeenByRoot(facts: CgroupFacts): CgroupFacts {
  const dirAccess = Object.fromEntries(
    Object.entries(facts.dirAccess).map(([d, a]) => [d, a === "not-writable" ? "writable" : a] as const),
  );
  return { ...facts, uid: 0, dirAccess };
}

// A failure nothing in steps 1-7 needs is reported as a warning, so a cross means "the course is blocked".
function softenOptional(checks: DoctorCheck[]): DoctorCheck[] {
  const core = coreCheckIds();
  return checks.map((c) => (c.status === "fail" && !core.has(c.id) ? { ...c, status: "warn" } : c));
}

/** Evaluates every check on captured facts and decides which course steps can run. */
export function evaluateDoctor(facts: DoctorFacts): DoctorReport {
  const privilege = classifyPrivilege(facts.privilege);
  const cgroupFacts = privilege.mode === "sudo" ? asSeenByRoot(facts.cgroups) : facts.cgroups;
  const ctx: CheckContext = { facts, privilege, cgroups: detectCgroupsFromFacts(cgroupFacts) };
  const raw = [
    ...privilegeChecks(ctx),
    ...kernelChecks(ctx),
    ...environmentChecks(ctx),
    ...namespaceChecks(ctx),
    ...cgroupChecks(ctx),
    ...usernsChecks(ctx),
    ...rootfsChecks(ctx),
    ...toolChecks(ctx),
  ];
  // Steps are decided on the real statuses; softening only changes how optional failures are shown.
  const steps = evaluateSteps(raw, privilege.mode);
  const checks = softenOptional(raw);
  return {
    generatedAt: facts.generatedAt,
    privilege: privilege.mode,
    kernelRelease: facts.kernelRelease,
    cgroups: ctx.cgroups,
    checks,
    steps,
    ok: steps.filter((s) => CORE_STEPS.includes(s.step)).every((s) => s.runnable),
  };
}
