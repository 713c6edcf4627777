// The privilege mode, and what it cannot do.

import type { PrivilegeReport } from "../../privilege/index.js";
import { stepsUnavailableIn } from "../../privilege/index.js";
import type { DoctorCheck } from "../types.js";
import { check } from "./check.js";
import type { CheckContext } from "./context.js";

/** privilege.kernel: who the course's Jupyter kernel runs as (bin/nsbook-kernel makes the same choice). */
function kernelCheck(privilege: PrivilegeReport): DoctorCheck {
  const title = "Jupyter kernel";
  if (privilege.uid === 0) {
    const via =
      privilege.rootVia === "course-rule"
        ? ` through the course's sudo rule for ${privilege.sudoUser ?? "you"}: this report is what that kernel can do`
        : privilege.rootVia === "sudo"
          ? ` through sudo, which asks ${privilege.sudoUser ?? "you"} no password: this report is what that kernel can do`
          : "";
    return check("privilege.kernel", "privilege", title, "ok", `runs as root${via}`);
  }
  return check(
    "privilege.kernel",
    "privilege",
    title,
    "warn",
    `runs as you (uid ${privilege.uid}), rootless: the course's sudo rule is not installed and sudo asks for a password, which Jupyter cannot type; notebooks 01-11 need root and stop at their first cell`,
    "in the checkout: `./setup.sh --kernel-root=yes` (it says what it grants; sudo asks your password once), then restart the kernel",
  );
}

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
    kernelCheck(privilege),
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
