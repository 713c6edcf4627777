// The cgroup layout and, per controller, where nsbook would create cgroups and whether it can.
import { isNsbookScope } from "../../cgroups/manager/cgroup-name.js";
import type { CgroupDetection, ControllerPlacement } from "../../cgroups/types.js";
import type { DoctorCheck } from "../types.js";
import { check } from "./check.js";
import type { CheckContext } from "./context.js";

function layoutDetail(d: CgroupDetection): string {
  const v2 = d.v2Controllers ? ` (controllers: ${d.v2Controllers.join(" ") || "none"})` : "";
  const ns = d.inCgroupNamespace ? "; inside a cgroup namespace" : "";
  switch (d.layout) {
    case "v2":
      return `v2: one unified hierarchy at ${d.v2MountPoint}${v2}${ns}`;
    case "hybrid":
      return `hybrid: v1 hierarchies under /sys/fs/cgroup, v2 at ${d.v2MountPoint}${v2}${ns}`;
    case "v1":
      return `v1: one hierarchy per controller under /sys/fs/cgroup, no v2${ns}`;
    default:
      return "none: no cgroup filesystem is mounted";
  }
}

/** Whose cgroups nsbook may organize here: the path this machine takes, in one sentence. */
function delegationDetail(d: CgroupDetection): string {
  if (d.systemdManaged) {
    const here =
      d.v2CallerPath && isNsbookScope(d.v2CallerPath)
        ? `this check runs in one, ${d.v2CallerPath}`
        : `this process is in ${d.v2CallerPath ?? "?"}, which is systemd's`;
    return (
      "; systemd manages cgroups: the course's kernel and `nsbook run` each start a scope with Delegate=yes " +
      `(nsbook-*.scope) and create containers' cgroups only inside it, never in a session or slice (${here})`
    );
  }
  if (d.layout === "none") return "";
  return d.v2CallerIsRoot === false
    ? "; no systemd: nsbook creates containers' cgroups below its own cgroup, moving that cgroup's processes into nsbook-leaf on v2"
    : "; no systemd: nsbook creates containers' cgroups below its own cgroup";
}

function where(p: ControllerPlacement): string {
  if (p.version === "none") return "not available";
  const co =
    p.hierarchyControllers && p.hierarchyControllers.length > 1
      ? ` (with ${p.hierarchyControllers.join(",")})`
      : "";
  return `v${p.version} at ${p.mountPoint}${co}, caller in ${p.callerPath ?? "?"}`;
}

function controllerCheck(p: ControllerPlacement, asRoot: boolean): DoctorCheck {
  const id = `cgroup.${p.controller}`;
  const title = `cgroup ${p.controller}`;
  if (!p.usable)
    return check(id, "cgroups", title, "fail", `${where(p)}: ${p.whyNot ?? "not usable"}`, p.fix);
  const sudo = asRoot ? " (as root, through sudo)" : "";
  const note = p.note ? `; ${p.note}` : "";
  return check(id, "cgroups", title, "ok", `${where(p)}, can create children${sudo}${note}`);
}

/** cgroup.layout and cgroup.<controller> for memory, cpu, cpuacct, pids, cpuset, io, freezer. */
export function cgroupChecks({ cgroups, privilege }: CheckContext): DoctorCheck[] {
  const layout = check(
    "cgroup.layout",
    "cgroups",
    "cgroup layout",
    cgroups.layout === "none" ? "fail" : "info",
    `${layoutDetail(cgroups)}${delegationDetail(cgroups)}`,
    cgroups.layout === "none" ? "mount cgroup v2: `sudo mount -t cgroup2 none /sys/fs/cgroup`" : undefined,
  );
  return [layout, ...cgroups.controllers.map((p) => controllerCheck(p, privilege.mode === "sudo"))];
}
