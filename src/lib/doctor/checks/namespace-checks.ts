// Each namespace type and filesystem feature, as actually tried in the current privilege mode.
import { hintFor } from "../../host/index.js";
import type { CommandOutcome, PrivilegeMode } from "../../privilege/index.js";
import { parseMountInfo } from "../../proc/index.js";
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

/**
 * fs.overlay-upper: whether an overlay's upper layer can live in nsbook's run directory `runDir`, judged from the
 * filesystem mounted there (the mountinfo entry with the longest mount point above it; the last one when several
 * share it). The kernel refuses an overlayfs as an upper layer ("not supported as upperdir"): that is the case in
 * a container, whose root is an overlayfs, unless something else is mounted on the run directory. Pure.
 */
export function overlayUpperCheck(runDir: string | undefined, mountinfo: string): DoctorCheck {
  const title = "overlay upper layers";
  if (!runDir)
    return check("fs.overlay-upper", "filesystems", title, "info", "not checked (run directory unknown)");
  const under = (mp: string) => mp === "/" || runDir === mp || runDir.startsWith(`${mp}/`);
  let best: { mountPoint: string; fsType: string } | undefined;
  for (const m of parseMountInfo(mountinfo)) {
    if (under(m.mountPoint) && (!best || m.mountPoint.length >= best.mountPoint.length)) best = m;
  }
  if (!best)
    return check("fs.overlay-upper", "filesystems", title, "info", `${runDir}: no mount found above it`);
  const where = `${runDir} is on ${best.fsType} (mounted on ${best.mountPoint})`;
  if (best.fsType !== "overlay") return check("fs.overlay-upper", "filesystems", title, "ok", where);
  return check(
    "fs.overlay-upper",
    "filesystems",
    title,
    "fail",
    `${where}: the kernel refuses an overlayfs as an overlay's upper layer, as in a container whose root is one`,
    `mount a tmpfs there: \`docker run --tmpfs ${runDir}:exec ...\` (nsbook's image does it in docker/entrypoint.sh), or set NSBOOK_RUN_DIR to a directory on another filesystem`,
  );
}

/** ns.pid, ns.mount, ns.proc, ns.uts, ns.ipc, ns.net, ns.user, ns.cgroup, fs.chroot, fs.overlay, fs.overlay-upper. */
export function namespaceChecks(ctx: CheckContext): DoctorCheck[] {
  return [
    ...PROBES.map((spec) => probeCheck(spec, ctx)),
    overlayUpperCheck(ctx.facts.environment.runDir, ctx.facts.cgroups.mountinfo),
  ];
}
