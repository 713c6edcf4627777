// The privilege mode, and what it cannot do.
import { stepsUnavailableIn } from "../../privilege/index.js";
import type { DoctorCheck } from "../types.js";
import { check } from "./check.js";
import type { CheckContext } from "./context.js";

/** privilege.mode: ok for root and sudo, warn for rootless (some steps), fail for none. */
export function privilegeChecks({ privilege }: CheckContext): DoctorCheck[] {
  const limits = stepsUnavailableIn(privilege.mode);
  const cannot =
    privilege.mode === "rootless"
      ? `; cannot run step${limits.length > 1 ? "s" : ""} ${limits.map((l) => l.step).join(", ")}`
      : "";
  const status: DoctorCheck["status"] =
    privilege.mode === "none" || (privilege.uid === 0 && privilege.hasSysAdmin === false)
      ? "fail"
      : privilege.mode === "rootless"
        ? "warn"
        : "ok";
  return [
    check(
      "privilege.mode",
      "privilege",
      "Privilege mode",
      status,
      `${privilege.detail}${cannot}`,
      privilege.fix,
    ),
  ];
}
