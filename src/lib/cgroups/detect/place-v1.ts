// Whether a controller served by a v1 hierarchy can be used below the caller's cgroup.
import type { CgroupProblem, ControllerName, ControllerPlacement } from "../types.js";
import type { CgroupFacts } from "./cgroup-facts.js";
import { isReadOnlyMount } from "./cgroup-mounts.js";
import { explainProblems, type ProblemContext } from "./explain-problem.js";
import type { LocatedHierarchy } from "./locate-cgroups.js";

const CPUSET_NOTE =
  "a new v1 cpuset cgroup starts with empty cpuset.cpus and cpuset.mems: copy the parent's values into " +
  "it before adding a process";

/** The problems of a v1 hierarchy for the caller, in the order they would bite. */
export function v1Problems(h: LocatedHierarchy, facts: CgroupFacts): CgroupProblem[] {
  if (h.callerPath === undefined) return ["no-caller-cgroup"];
  if (!h.dir) return ["outside-mount"];
  const problems: CgroupProblem[] = [];
  if (isReadOnlyMount(h.mount)) problems.push("read-only");
  const access = facts.dirAccess[h.dir];
  if (access === "missing") problems.push("missing-dir");
  else if (access === "not-writable" && !problems.includes("read-only")) problems.push("no-permission");
  return problems;
}

/** Placement of `controller` on the v1 hierarchy `h`. */
export function placeOnV1(
  controller: ControllerName,
  h: LocatedHierarchy,
  facts: CgroupFacts,
  context: Omit<ProblemContext, "controller" | "version">,
): ControllerPlacement {
  const problems = v1Problems(h, facts);
  const base: ControllerPlacement = {
    controller,
    version: 1,
    mountPoint: h.mount.mountPoint,
    ...(h.callerPath !== undefined ? { callerPath: h.callerPath } : {}),
    ...(h.dir ? { parentDir: h.dir } : {}),
    usable: problems.length === 0,
    problems,
    hierarchyControllers: h.controllers,
    ...(controller === "cpuset" ? { note: CPUSET_NOTE } : {}),
  };
  if (problems.length === 0) return base;
  const why = explainProblems(problems, {
    ...context,
    controller,
    version: 1,
    mountPoint: h.mount.mountPoint,
    mountRoot: h.mount.root,
    callerPath: h.callerPath,
    dir: h.dir,
  });
  return {
    ...base,
    whyNot: why.whyNot,
    ...(why.fix ? { fix: why.fix } : {}),
    ja: { whyNot: why.ja.whyNot, ...(why.ja.fix ? { fix: why.ja.fix } : {}) },
  };
}
