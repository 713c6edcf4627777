// Each namespace type and filesystem feature, as actually tried in the current privilege mode.
import { hintFor } from "../../host/index.js";
import type { CommandOutcome, PrivilegeMode } from "../../privilege/index.js";
import { parseMountInfo } from "../../proc/index.js";
import { type Localized, textIn } from "../../text/index.js";
import { PROBES, type ProbeSpec } from "../probes.js";
import type { DoctorCheck } from "../types.js";
import { check, firstLine } from "./check.js";
import type { CheckContext } from "./context.js";
import { bilingual } from "./japanese.js";

const groupOf = (id: string): string => (id.startsWith("fs.") ? "filesystems" : "namespaces");

const AS_ROOT: Localized = {
  en: "run nsbook as root (`sudo nsbook ...`)",
  ja: "nsbook を root で実行する（`sudo nsbook ...`）",
};

function fixFor(
  spec: ProbeSpec,
  outcome: CommandOutcome,
  mode: PrivilegeMode,
  privilegeFix?: string,
): Localized {
  if (mode === "none") return privilegeFix ? bilingual(privilegeFix) : AS_ROOT;
  const hint = hintFor({ argv: outcome.argv, exitCode: outcome.exitCode, stderr: outcome.stderr });
  if (mode === "rootless") {
    if (spec.id === "fs.overlay")
      return {
        en: "overlayfs in a user namespace needs Linux 5.11+: run nsbook as root (`sudo nsbook ...`)",
        ja: "ユーザー名前空間の中の overlayfs には Linux 5.11 以降が必要。nsbook を root で実行する（`sudo nsbook ...`）",
      };
    return hint ? bilingual(hint) : AS_ROOT;
  }
  return hint
    ? bilingual(hint)
    : {
        en:
          "the kernel refused it even to root: nsbook is probably in a container without privileges (start it with " +
          "`--privileged --cgroupns=host`), or the kernel lacks this feature",
        ja: "カーネルは root にも拒否した。nsbook はおそらく特権なしのコンテナの中にある（`--privileged --cgroupns=host` 付きで起動する）か、カーネルにこの機能がない",
      };
}

function probeCheck(spec: ProbeSpec, ctx: CheckContext): DoctorCheck {
  const outcome = ctx.facts.probes?.[spec.id];
  const title = bilingual(spec.title);
  if (!outcome)
    return check(spec.id, groupOf(spec.id), title, "info", {
      en: "not tried (probing was turned off)",
      ja: "試していない（試行はオフ）",
    });
  if (outcome.ok)
    return check(spec.id, groupOf(spec.id), title, "ok", {
      en: `works: \`${outcome.command}\``,
      ja: `動作する：\`${outcome.command}\``,
    });
  const stderr = firstLine(outcome.stderr);
  const why: Localized =
    stderr ||
    (outcome.exitCode !== undefined
      ? { en: `exit code ${outcome.exitCode}`, ja: `終了コード ${outcome.exitCode}` }
      : { en: "did not run", ja: "実行されなかった" });
  return check(
    spec.id,
    groupOf(spec.id),
    title,
    "fail",
    {
      en: `\`${outcome.command}\` failed: ${textIn(why, "en")}`,
      ja: `\`${outcome.command}\` が失敗した：${textIn(why, "ja")}`,
    },
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
  const title = { en: "overlay upper layers", ja: "overlay の上層" };
  if (!runDir)
    return check(id, "filesystems", title, "info", {
      en: "not checked (run directory unknown)",
      ja: "調べていない（実行用ディレクトリが不明）",
    });
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
  const onJa = (d: { dir: string; fsType: string; mountPoint: string }) =>
    `${d.dir} は ${d.fsType} 上（${d.mountPoint} にマウント）`;
  const bad = dirs.filter((d) => d.fsType === "overlay");
  if (bad.length === 0)
    return check(id, "filesystems", title, "ok", {
      en: dirs.map(on).join("; "),
      ja: dirs.map(onJa).join("。"),
    });
  const tmpfs = bad.map((d) => `--tmpfs ${d.dir}:exec`).join(" ");
  return check(
    id,
    "filesystems",
    title,
    "fail",
    {
      en: `${bad.map(on).join("; ")}: the kernel refuses an overlayfs as an overlay's upper layer (and whiteouts on one), as in a container whose root is one`,
      ja: `${bad.map(onJa).join("。")}。カーネルは overlayfs を overlay の上層にすること（とその上の whiteout）を拒否する。ルートが overlayfs のコンテナの中がそうである`,
    },
    {
      en: `mount a tmpfs there: \`docker run ${tmpfs} ...\` (nsbook's image does it in docker/entrypoint.sh), or set NSBOOK_RUN_DIR and NSBOOK_HOME to directories on another filesystem`,
      ja: `そこに tmpfs をマウントする：\`docker run ${tmpfs} ...\`（nsbook のイメージは docker/entrypoint.sh でそうしている）。または NSBOOK_RUN_DIR と NSBOOK_HOME を別のファイルシステムのディレクトリにする`,
    },
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
