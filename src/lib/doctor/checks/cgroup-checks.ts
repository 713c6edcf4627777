// The cgroup layout and, per controller, where nsbook would create cgroups and whether it can.
import { isNsbookScope } from "../../cgroups/manager/cgroup-name.js";
import type { CgroupDetection, ControllerPlacement } from "../../cgroups/types.js";
import type { Bilingual } from "../../text/index.js";
import type { DoctorCheck } from "../types.js";
import { check } from "./check.js";
import type { CheckContext } from "./context.js";
import { bilingual } from "./japanese.js";

function layoutDetail(d: CgroupDetection): Bilingual {
  const list = d.v2Controllers?.join(" ");
  const v2 = d.v2Controllers
    ? { en: ` (controllers: ${list || "none"})`, ja: `（コントローラ：${list || "なし"}）` }
    : { en: "", ja: "" };
  const ns = d.inCgroupNamespace
    ? { en: "; inside a cgroup namespace", ja: "。cgroup 名前空間の中" }
    : { en: "", ja: "" };
  switch (d.layout) {
    case "v2":
      return {
        en: `v2: one unified hierarchy at ${d.v2MountPoint}${v2.en}${ns.en}`,
        ja: `v2：${d.v2MountPoint} に統合された 1 つの階層${v2.ja}${ns.ja}`,
      };
    case "hybrid":
      return {
        en: `hybrid: v1 hierarchies under /sys/fs/cgroup, v2 at ${d.v2MountPoint}${v2.en}${ns.en}`,
        ja: `hybrid：/sys/fs/cgroup の下に v1 の階層、${d.v2MountPoint} に v2${v2.ja}${ns.ja}`,
      };
    case "v1":
      return {
        en: `v1: one hierarchy per controller under /sys/fs/cgroup, no v2${ns.en}`,
        ja: `v1：/sys/fs/cgroup の下にコントローラごとの階層、v2 はなし${ns.ja}`,
      };
    default:
      return {
        en: "none: no cgroup filesystem is mounted",
        ja: "なし：cgroup ファイルシステムがマウントされていない",
      };
  }
}

/** Whose cgroups nsbook may organize here: the path this machine takes, in one sentence. */
function delegationDetail(d: CgroupDetection): Bilingual {
  if (d.systemdManaged) {
    const inScope = d.v2CallerPath !== undefined && isNsbookScope(d.v2CallerPath);
    const path = d.v2CallerPath ?? "?";
    return {
      en:
        "; systemd manages cgroups: the course's kernel and `nsbook run` each start a scope with Delegate=yes " +
        "(nsbook-*.scope) and create containers' cgroups only inside it, never in a session or slice " +
        `(${inScope ? `this check runs in one, ${path}` : `this process is in ${path}, which is systemd's`})`,
      ja:
        "。cgroup は systemd が管理している。コースのカーネルと `nsbook run` はそれぞれ Delegate=yes の scope（nsbook-*.scope）を始め、" +
        "コンテナの cgroup はその中にだけ作り、セッションや slice には作らない" +
        `（${inScope ? `このチェックはその 1 つ ${path} の中で動いている` : `このプロセスは systemd の ${path} にいる`}）`,
    };
  }
  if (d.layout === "none") return { en: "", ja: "" };
  return d.v2CallerIsRoot === false
    ? {
        en: "; no systemd: nsbook creates containers' cgroups below its own cgroup, moving that cgroup's processes into nsbook-leaf on v2",
        ja: "。systemd はない：nsbook はコンテナの cgroup を自分の cgroup の下に作り、v2 ではその cgroup のプロセスを nsbook-leaf に移す",
      }
    : {
        en: "; no systemd: nsbook creates containers' cgroups below its own cgroup",
        ja: "。systemd はない：nsbook はコンテナの cgroup を自分の cgroup の下に作る",
      };
}

function where(p: ControllerPlacement): Bilingual {
  if (p.version === "none") return { en: "not available", ja: "使えない" };
  const co =
    p.hierarchyControllers && p.hierarchyControllers.length > 1
      ? {
          en: ` (with ${p.hierarchyControllers.join(",")})`,
          ja: `（${p.hierarchyControllers.join(",")} と同じ階層）`,
        }
      : { en: "", ja: "" };
  return {
    en: `v${p.version} at ${p.mountPoint}${co.en}, caller in ${p.callerPath ?? "?"}`,
    ja: `v${p.version}、${p.mountPoint}${co.ja}、このプロセスは ${p.callerPath ?? "?"} にいる`,
  };
}

function controllerCheck(p: ControllerPlacement, asRoot: boolean): DoctorCheck {
  const id = `cgroup.${p.controller}`;
  const title = `cgroup ${p.controller}`;
  const at = where(p);
  if (!p.usable) {
    const why = p.ja ? { en: p.whyNot ?? "", ja: p.ja.whyNot } : bilingual(p.whyNot ?? "not usable");
    const fix = p.fix === undefined ? undefined : { en: p.fix, ja: p.ja?.fix ?? bilingual(p.fix).ja };
    return check(id, "cgroups", title, "fail", { en: `${at.en}: ${why.en}`, ja: `${at.ja}：${why.ja}` }, fix);
  }
  const sudo = asRoot
    ? { en: " (as root, through sudo)", ja: "（sudo を通して root で）" }
    : { en: "", ja: "" };
  const note = p.note ? { en: `; ${p.note}`, ja: `。${bilingual(p.note).ja}` } : { en: "", ja: "" };
  return check(id, "cgroups", title, "ok", {
    en: `${at.en}, can create children${sudo.en}${note.en}`,
    ja: `${at.ja}、子 cgroup を作れる${sudo.ja}${note.ja}`,
  });
}

/** cgroup.layout and cgroup.<controller> for memory, cpu, cpuacct, pids, cpuset, io, freezer. */
export function cgroupChecks({ cgroups, privilege }: CheckContext): DoctorCheck[] {
  const layout = check(
    "cgroup.layout",
    "cgroups",
    { en: "cgroup layout", ja: "cgroup の構成" },
    cgroups.layout === "none" ? "fail" : "info",
    {
      en: `${layoutDetail(cgroups).en}${delegationDetail(cgroups).en}`,
      ja: `${layoutDetail(cgroups).ja}${delegationDetail(cgroups).ja}`,
    },
    cgroups.layout === "none"
      ? {
          en: "mount cgroup v2: `sudo mount -t cgroup2 none /sys/fs/cgroup`",
          ja: "cgroup v2 をマウントする：`sudo mount -t cgroup2 none /sys/fs/cgroup`",
        }
      : undefined,
  );
  return [layout, ...cgroups.controllers.map((p) => controllerCheck(p, privilege.mode === "sudo"))];
}
