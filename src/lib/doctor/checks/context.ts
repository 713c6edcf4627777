// What every check module receives: the facts and what was derived from them once.
import type { CgroupDetection } from "../../cgroups/types.js";
import type { PrivilegeReport } from "../../privilege/index.js";
import type { DoctorFacts } from "../facts.js";

/** Facts plus the privilege and cgroup conclusions drawn from them. */
export interface CheckContext {
  facts: DoctorFacts;
  privilege: PrivilegeReport;
  cgroups: CgroupDetection;
}
