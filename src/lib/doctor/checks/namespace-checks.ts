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
 * fs.overlay-upper: whether nsbook's overlay directories can live where nsbook puts them: upper and work layers in
 * the run directory `runDir` and in `<dataDir>/uppers` (kept ones), committed layers (which hold whiteouts, device
 * nodes 0/0) in `<dataDir>/layers`. Judged from the filesystem mounted at each (the mountinfo entry with the
 * longest mount point above it; the last one when several share it): the kernel refuses an overlayfs as an upper
 * layer ("not supported as upperdir") and refuses to create whiteouts on one. That is the case in a container,
 * whose root is an overlayfs, unless something else is mounted there. Pure.
 */
export function overlayUpperCheck(
  runDir: string | undefined,
  mountinfo: string,
  dataDir?: string,
): DoctorCheck {
  const id = "fs.overlay-upper";
  const title = "overlay upper layers";
  if (!runDir) return check(id, "filesystems", title, "info", "not checked (run directory unknown)");
  const mounts = parseMountInfo(mountinfo);
  const fsOf = (dir: string) => {
    const under = (mp: string) => mp === "/" || dir === mp || dir.startsWith(`${mp}/`);
    let best: { mountPoint: string; fsType: string } | undefined;
    for (const m of mounts) {
      if (under(m.mountPoint) && (!best || m.mountPoint.length >= best.mountPoint.length)) best = m;
    }
    return { dir, fsType: best?.fsType ?? "?", mountPoint: best?.mountPoint ?? "?" };
  };
  const dirs = [runDir, ...(dataDir ? [`${dataDir}/uppers`, `${dataDir}/layers`] : [])].map(fsOf);
  const on = (d: { dir: string; fsType: string; mountPoint: string }) =>
    `${d.dir} is on ${d.fsType} (mounted on ${d.mountPoint})`;
  const bad = dirs.filter((d) => d.fsType === "overlay");
  if (bad.length === 0) return check(id, "filesystems", title, "ok", dirs.map(on).join("; "));
  return check(
    id,
    "filesystems",
    title,
    "fail",
    `${bad.map(on).join("; ")}: the kernel refuses an overlayfs as an overlay's upper layer (and whiteouts on one), as in a container whose root is one`,
    `mount a tmpfs there: \`docker run ${bad.map((d) => `--tmpfs ${d.dir}:exec`).join(" ")} ...\` (nsbook's image does it in docker/entrypoint.sh), or set NSBOOK_RUN_DIR and NSBOOK_HOME to directories on another filesystem`,
  );
}

/** ns.pid, ns.mount, ns.proc, ns.uts, ns.ipc, ns.net, ns.user, ns.cgroup, fs.chroot, fs.overlay, fs.overlay-upper. */
export function namespaceChecks(ctx: CheckContext): DoctorCheck[] {
  return [
    ...PROBES.map((spec) => probeCheck(spec, ctx)),
    overlayUpperCheck(
      ctx.facts.environment.runDir,
      ctx.facts.cgroups.mountinfo,
      ctx.facts.environment.dataDir,
    ),
  ];
}
