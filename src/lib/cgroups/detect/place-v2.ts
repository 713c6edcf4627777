// Whether a controller served by the v2 hierarchy can be used below the caller's cgroup.
import { posix } from "node:path";
import { isNsbookScope, LEAF_CGROUP_NAME } from "../manager/cgroup-name.js";
import type { CgroupProblem, ControllerName, ControllerPlacement } from "../types.js";
import type { CgroupFacts } from "./cgroup-facts.js";
import { isReadOnlyMount } from "./cgroup-mounts.js";
import { v2ServiceOf } from "./controller-map.js";
import { explainProblems, type ProblemContext } from "./explain-problem.js";
import { type LocatedHierarchy, v2FilesOf } from "./locate-cgroups.js";

/**
 * What the v2 files say about the caller's cgroup and its parent. Once nsbook has moved the caller into
 * `<cgroup>/nsbook-leaf`, "the caller's cgroup" here is `<cgroup>`, where nsbook creates its cgroups.
 */
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
  /** The directory nsbook creates its cgroups in: the caller's cgroup, or the parent of its nsbook-leaf. */
  ownDir?: string;
  /** The caller lives in `ownDir/nsbook-leaf`, where nsbook moved the processes of `ownDir`. */
  inLeaf: boolean;
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
    ...(f.caller ? { ownDir: f.caller.dir } : {}),
    inLeaf: f.leaf !== undefined,
  };
}

/**
 * True when the caller's cgroup `dir` is delegated to us: we may write the directory, its cgroup.procs and its
 * cgroup.subtree_control (root, or the owner systemd gave them to with Delegate=yes), on a writable mount.
 */
function delegatedToUs(dir: string, h: LocatedHierarchy, facts: CgroupFacts): boolean {
  if (isReadOnlyMount(h.mount) || facts.dirAccess[dir] !== "writable") return false;
  const file = (name: string) => facts.dirAccess[posix.join(dir, name)];
  return file("cgroup.procs") !== "not-writable" && file("cgroup.subtree_control") !== "not-writable";
}

/**
 * True when nsbook must (or did) move the processes of the caller's non-root cgroup into its nsbook-leaf
 * before a controller can be enabled there (see enterDelegatedLeaf).
 */
function leafNeeded(enabled: boolean, state: V2State): boolean {
  if (state.callerIsRoot) return false;
  return state.inLeaf || (!enabled && state.callerHasProcesses !== false);
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
 * nothing can be enabled as it is. When that cgroup is delegated to us, nsbook first moves its processes into
 * a leaf child (nsbook-leaf) and then enables the controller: not a problem. When it is not, the controller is
 * not usable ("internal-processes"); creating children still works, and the core files (cpu.stat,
 * cgroup.freeze, cgroup.kill) appear in them without any controller.
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
  // On a systemd host only a unit started with Delegate=yes hands its subtree over; nsbook uses its own scope.
  if (facts.systemdManaged && !state.callerIsRoot && !isNsbookScope(h.callerPath))
    problems.push("systemd-owned");
  const dir = state.ownDir ?? h.dir;
  const access = facts.dirAccess[dir];
  if (access === "missing") problems.push("missing-dir");
  else if (access === "not-writable" && !problems.includes("read-only")) problems.push("no-permission");
  const enabled = service.kind === "core" || (state.callerSubtree?.includes(service.name) ?? false);
  if (
    !enabled &&
    leafNeeded(enabled, state) &&
    !delegatedToUs(dir, h, facts) &&
    !problems.includes("systemd-owned")
  )
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
  const dir = state.ownDir ?? h.dir;
  const leafDir =
    usable && dir && service.kind === "controller" && leafNeeded(enabledForChildren, state)
      ? posix.join(dir, LEAF_CGROUP_NAME)
      : undefined;
  const notes = [
    service.kind === "core" ? service.note : undefined,
    leafDir && !state.inLeaf
      ? `usable: nsbook will move this cgroup's processes into ${leafDir} first (a cgroup v2 gives controllers to its children only while it holds no processes itself)`
      : undefined,
    leafDir && state.inLeaf
      ? `this cgroup's processes are in ${leafDir}, where nsbook moved them; containers' cgroups go beside it in ${dir}`
      : undefined,
  ].filter((n): n is string => n !== undefined);
  const base: ControllerPlacement = {
    controller,
    version: 2,
    mountPoint: h.mount.mountPoint,
    ...(h.callerPath !== undefined ? { callerPath: h.callerPath } : {}),
    ...(dir ? { parentDir: dir } : {}),
    usable,
    problems,
    ...(service.kind === "controller" && state.callerControllers
      ? { availableToCaller: state.callerControllers.includes(service.name) }
      : {}),
    enabledForChildren,
    ...(problems.length === 1 && problems[0] === "not-enabled" ? { needsEnable: true } : {}),
    ...(leafDir ? { leafDir } : {}),
    ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
  };
  if (usable) return base;
  const why = explainProblems(problems, {
    ...context,
    controller,
    version: 2,
    mountPoint: h.mount.mountPoint,
    mountRoot: h.mount.root,
    callerPath: h.callerPath,
    dir,
    parentDir: state.parentDir,
    parentBusy: state.parentBusy,
  });
  return {
    ...base,
    whyNot: why.whyNot,
    ...(why.fix ? { fix: why.fix } : {}),
    ja: { whyNot: why.ja.whyNot, ...(why.ja.fix ? { fix: why.ja.fix } : {}) },
  };
}
