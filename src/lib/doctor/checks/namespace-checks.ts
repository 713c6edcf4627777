// Each namespace type and filesystem feature, as actually tried in the current privilege mode.
import { hintFor } from "../../host/index.js";
import type { CommandOutcome, PrivilegeMode } from "../../privilege/index.js";
import { PROBES, type ProbeSpec } from "../probes.js";
import type { DoctorCheck } from "../types.js";
import { check, firstLine } from "./check.js";
import type { CheckContext } from "./context.js";

const groupOf = (id: string): string => (id.startsWith("fs.") ? "filesystems" : "namespaces");

function fixFor(
  spec: ProbeSpec,
  outcome: CommandOutcome,
  mode: PrivilegeMode,
  privilegeFix?: string,
): string {
  if (mode === "none") return privilegeFix ?? "run nsbook as root (`sudo nsbook ...`)";
  const hint = hintFor({ argv: outcome.argv, exitCode: outcome.exitCode, stderr: outcome.stderr });
  if (mode === "rootless") {
    if (spec.id === "fs.overlay")
      return "overlayfs in a user namespace needs Linux 5.11+: run nsbook as root (`sudo nsbook ...`)";
    return hint ?? "run nsbook as root (`sudo nsbook ...`)";
  }
  return (
    hint ??
    "the kernel refused it even to root: nsbook is probably in a container without privileges (start it with " +
      "`--privileged --cgroupns=host`), or the kernel lacks this feature"
  );
}

function probeCheck(spec: ProbeSpec, ctx: CheckContext): DoctorCheck {
  const outcome = ctx.facts.probes?.[spec.id];
  if (!outcome)
    return check(spec.id, groupOf(spec.id), spec.title, "info", "not tried (probing was turned off)");
  if (outcome.ok) return check(spec.id, groupOf(spec.id), spec.title, "ok", `works: \`${outcome.command}\``);
  const why =
    firstLine(outcome.stderr) ||
    (outcome.exitCode !== undefined ? `exit code ${outcome.exitCode}` : "did not run");
  return check(
    spec.id,
    groupOf(spec.id),
    spec.title,
    "fail",
    `\`${outcome.command}\` failed: ${why}`,
    fixFor(spec, outcome, ctx.privilege.mode, ctx.privilege.fix),
  );
}

/** ns.pid, ns.mount, ns.proc, ns.uts, ns.ipc, ns.net, ns.user, ns.cgroup, fs.chroot, fs.overlay. */
export function namespaceChecks(ctx: CheckContext): DoctorCheck[] {
  return PROBES.map((spec) => probeCheck(spec, ctx));
}
