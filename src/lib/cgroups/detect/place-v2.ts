// Whether a controller served by the v2 hierarchy can be used below the caller's cgroup.
import type { CgroupProblem, ControllerName, ControllerPlacement } from "../types.js";
import type { CgroupFacts } from "./cgroup-facts.js";
import { isReadOnlyMount } from "./cgroup-mounts.js";
import { v2ServiceOf } from "./controller-map.js";
import { explainProblems, type ProblemContext } from "./explain-problem.js";
import { type LocatedHierarchy, v2FilesOf } from "./locate-cgroups.js";

/** What the v2 files say about the caller's cgroup and its parent. */
export interface V2State {
  /** The top's cgroup.controllers, when read. */
  top?: string[];
  /** The caller's cgroup.controllers / subtree_control, when read. */
  callerControllers?: string[];
  callerSubtree?: string[];
  /** The caller's cgroup holds processes (cgroup.procs not empty); undefined when unread. */
  callerHasProcesses?: boolean;
  /** The caller's cgroup is the real root cgroup (no cgroup.events file there). */
  callerIsRoot: boolean;
  parentDir?: string;
  /** The parent holds processes and is not the root cgroup. */
  parentBusy?: boolean;
}

const words = (text: string | undefined): string[] | undefined => text?.split(/\s+/).filter(Boolean);

/** Reads the v2 state of the caller from captured files. */
export function v2StateOf(h: LocatedHierarchy, facts: CgroupFacts): V2State {
  const f = v2FilesOf(h);
  const read = (path: string | undefined) => (path === undefined ? undefined : facts.files[path]);
  const callerProcs = read(f.caller?.procs);
  const parentProcs = read(f.parent?.procs);
  const parentIsRoot =
    f.parent !== undefined && read(f.parent.controllers) !== undefined && read(f.parent.events) === undefined;
  return {
    top: words(read(f.top)),
    callerControllers: words(read(f.caller?.controllers)),
    callerSubtree: words(read(f.caller?.subtreeControl)),
    ...(callerProcs !== undefined ? { callerHasProcesses: callerProcs.trim() !== "" } : {}),
    callerIsRoot: read(f.caller?.controllers) !== undefined && read(f.caller?.events) === undefined,
    ...(f.parent ? { parentDir: f.parent.dir } : {}),
    ...(parentProcs !== undefined ? { parentBusy: parentProcs.trim() !== "" && !parentIsRoot } : {}),
  };
}

/** True when v2 offers `controller` at all (core features always). */
export function v2Offers(controller: ControllerName, state: V2State): boolean {
  const service = v2ServiceOf(controller);
  if (service.kind === "core") return true;
  return state.top?.includes(service.name) ?? false;
}

/**
 * The problems of using `controller` on v2 below the caller's cgroup, in the order they would bite.
 *
 * A child cgroup gets a controller only when its parent lists it in cgroup.subtree_control, and the kernel
 * refuses (EBUSY) to add one there while the parent holds processes - the no-internal-processes rule, from
 * which only the root cgroup is exempt. The caller always holds at least itself, so below a non-root cgroup
 * nothing can be enabled; creating children still works, and the core files (cpu.stat, cgroup.freeze,
 * cgroup.kill) appear in them without any controller.
 */
export function v2Problems(
  controller: ControllerName,
  h: LocatedHierarchy,
  facts: CgroupFacts,
  state: V2State,
): CgroupProblem[] {
  if (h.callerPath === undefined) return ["no-caller-cgroup"];
  if (!h.dir) return ["outside-mount"];
  const service = v2ServiceOf(controller);
  const problems: CgroupProblem[] = [];
  if (isReadOnlyMount(h.mount)) problems.push("read-only");
  if (
    service.kind === "controller" &&
    state.callerControllers &&
    !state.callerControllers.includes(service.name)
  ) {
    problems.push("not-delegated");
  }
  const access = facts.dirAccess[h.dir];
  if (access === "missing") problems.push("missing-dir");
  else if (access === "not-writable" && !problems.includes("read-only")) problems.push("no-permission");
  const enabled = service.kind === "core" || (state.callerSubtree?.includes(service.name) ?? false);
  if (!enabled && !state.callerIsRoot && state.callerHasProcesses !== false)
    problems.push("internal-processes");
  if (!enabled && state.callerIsRoot && problems.length === 0) problems.push("not-enabled");
  return problems;
}

/** Placement of `controller` on the v2 hierarchy `h`. */
export function placeOnV2(
  controller: ControllerName,
  h: LocatedHierarchy,
  facts: CgroupFacts,
  state: V2State,
  context: Omit<ProblemContext, "controller" | "version">,
): ControllerPlacement {
  const service = v2ServiceOf(controller);
  const problems = v2Problems(controller, h, facts, state);
  const enabledForChildren =
    service.kind === "core" || (state.callerSubtree?.includes(service.name) ?? false);
  const usable = problems.length === 0;
  const base: ControllerPlacement = {
    controller,
    version: 2,
    mountPoint: h.mount.mountPoint,
    ...(h.callerPath !== undefined ? { callerPath: h.callerPath } : {}),
    ...(h.dir ? { parentDir: h.dir } : {}),
    usable,
    problems,
    ...(service.kind === "controller" && state.callerControllers
      ? { availableToCaller: state.callerControllers.includes(service.name) }
      : {}),
    enabledForChildren,
    ...(problems.length === 1 && problems[0] === "not-enabled" ? { needsEnable: true } : {}),
    ...(service.kind === "core" ? { note: service.note } : {}),
  };
  if (usable) return base;
  const why = explainProblems(problems, {
    ...context,
    controller,
    version: 2,
    mountPoint: h.mount.mountPoint,
    mountRoot: h.mount.root,
    callerPath: h.callerPath,
    dir: h.dir,
    parentDir: state.parentDir,
    parentBusy: state.parentBusy,
  });
  return { ...base, whyNot: why.whyNot, ...(why.fix ? { fix: why.fix } : {}) };
}
