// The pure half of cgroup detection: from captured text to a per-controller placement.
import type { CgroupDetection, ControllerName, ControllerPlacement } from "../types.js";
import type { CgroupFacts } from "./cgroup-facts.js";
import { CONTROLLER_NAMES, v1NameOf } from "./controller-map.js";
import { explainProblems } from "./explain-problem.js";
import { type LocatedCgroups, locateCgroups } from "./locate-cgroups.js";
import { placeOnV1 } from "./place-v1.js";
import { placeOnV2, type V2State, v2Offers, v2StateOf } from "./place-v2.js";

function inCgroupNamespace(facts: CgroupFacts): boolean | undefined {
  const ns = facts.cgroupNamespace;
  return ns?.self && ns.init ? ns.self !== ns.init : undefined;
}

function place(
  controller: ControllerName,
  located: LocatedCgroups,
  facts: CgroupFacts,
  v2: V2State | undefined,
): ControllerPlacement {
  const context = { layout: located.layout, uid: facts.uid, kernelRelease: facts.kernelRelease ?? "" };
  // A controller bound to a v1 hierarchy is not available in v2 (the kernel serves it in one place only).
  const v1 = located.v1.find((h) => h.controllers.includes(v1NameOf(controller)));
  if (v1) return placeOnV1(controller, v1, facts, context);
  if (located.v2 && v2 && v2Offers(controller, v2))
    return placeOnV2(controller, located.v2, facts, v2, context);
  const why = explainProblems(["not-present"], { ...context, controller, version: "none" });
  return { controller, version: "none", usable: false, problems: ["not-present"], ...why };
}

/**
 * Decides the layout (v1, v2, hybrid, none) and, for every controller, which hierarchy serves it, where the
 * caller's cgroup is, and whether nsbook can create child cgroups there and use the controller in them.
 */
export function detectCgroupsFromFacts(facts: CgroupFacts): CgroupDetection {
  const located = locateCgroups(facts.mountinfo, facts.procSelfCgroup);
  const v2 = located.v2 ? v2StateOf(located.v2, facts) : undefined;
  const ns = inCgroupNamespace(facts);
  return {
    layout: located.layout,
    ...(located.v2 ? { v2MountPoint: located.v2.mount.mountPoint } : {}),
    ...(located.v2?.callerPath !== undefined ? { v2CallerPath: located.v2.callerPath } : {}),
    controllers: CONTROLLER_NAMES.map((c) => place(c, located, facts, v2)),
    ...(v2?.top ? { v2Controllers: v2.top } : {}),
    ...(v2 ? { v2CallerIsRoot: v2.callerIsRoot } : {}),
    ...(ns !== undefined ? { inCgroupNamespace: ns } : {}),
    ...(facts.systemdManaged ? { systemdManaged: true } : {}),
  };
}
