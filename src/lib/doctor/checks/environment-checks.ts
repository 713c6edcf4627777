// Where nsbook runs: WSL, a container, a container without privileges.
import { isReadOnlyMount, wslGenerationOf } from "../../cgroups/detect/index.js";
import { parseMountInfo } from "../../proc/index.js";
import type { DoctorCheck } from "../types.js";
import { check } from "./check.js";
import type { CheckContext } from "./context.js";

/** 1 or 2 for WSL, from the kernel release, /proc/version or $WSL_DISTRO_NAME. */
export function wslGeneration(ctx: CheckContext): 1 | 2 | undefined {
  const { facts } = ctx;
  const fromRelease = wslGenerationOf(facts.kernelRelease);
  if (fromRelease) return fromRelease;
  if (/microsoft/i.test(facts.environment.procVersion ?? "") || facts.environment.wslDistroName) return 2;
  return undefined;
}

function wslCheck(ctx: CheckContext): DoctorCheck {
  const gen = wslGeneration(ctx);
  const distro = ctx.facts.environment.wslDistroName;
  if (gen === 1) {
    return check(
      "env.wsl",
      "environment",
      "WSL",
      "fail",
      {
        en: "WSL1: no real Linux kernel, so there are no namespaces or cgroups",
        ja: "WSL1：本物の Linux カーネルがないので、名前空間も cgroup もない",
      },
      {
        en: `convert the distro to WSL2: in PowerShell, \`wsl --set-version ${distro ?? "<distro>"} 2\``,
        ja: `ディストリビューションを WSL2 に変換する：PowerShell で \`wsl --set-version ${distro ?? "<distro>"} 2\``,
      },
    );
  }
  if (gen === 2) {
    return check("env.wsl", "environment", "WSL", "info", {
      en: `WSL2${distro ? ` (distro ${distro})` : ""}, kernel ${ctx.facts.kernelRelease}`,
      ja: `WSL2${distro ? `（ディストリビューション ${distro}）` : ""}、カーネル ${ctx.facts.kernelRelease}`,
    });
  }
  return check("env.wsl", "environment", "WSL", "ok", { en: "not WSL", ja: "WSL ではない" });
}

const CONTAINER_CGROUP =
  /\/(docker|kubepods|lxc|libpod|containerd|actions_job)[/.-]|machine\.slice\/machine-/;

/** The signs that nsbook runs inside a container. */
export function containerSigns(ctx: CheckContext): string[] {
  const env = ctx.facts.environment;
  return [
    ...(env.dockerenv ? ["/.dockerenv"] : []),
    ...(env.containerenv ? ["/run/.containerenv"] : []),
    ...(env.containerVar ? [`$container=${env.containerVar}`] : []),
    ...(env.pid1Cgroup && CONTAINER_CGROUP.test(env.pid1Cgroup) ? ["PID 1's cgroup"] : []),
  ];
}

function containerCheck(ctx: CheckContext): DoctorCheck {
  const signs = containerSigns(ctx);
  const roCgroup = parseMountInfo(ctx.facts.cgroups.mountinfo).some(
    (m) => (m.fsType === "cgroup" || m.fsType === "cgroup2") && isReadOnlyMount(m),
  );
  const noSysAdmin = ctx.privilege.uid === 0 && ctx.privilege.hasSysAdmin === false;
  const missing = [
    ...(roCgroup ? [{ en: "cgroupfs is read-only", ja: "cgroupfs が読み取り専用" }] : []),
    ...(noSysAdmin ? [{ en: "root lacks CAP_SYS_ADMIN", ja: "root に CAP_SYS_ADMIN がない" }] : []),
  ];
  const title = { en: "Container", ja: "コンテナ" };
  if (missing.length > 0) {
    return check(
      "env.container",
      "environment",
      title,
      "fail",
      {
        en: `inside a container without privileges (${[...signs, ...missing.map((m) => m.en)].join(", ")})`,
        ja: `特権なしのコンテナの中（${[...signs, ...missing.map((m) => m.ja)].join("、")}）`,
      },
      {
        en: "start the container with `docker run --privileged --cgroupns=host ...` (as nsbook's docker/ compose file does), or run nsbook on the host",
        ja: "コンテナを `docker run --privileged --cgroupns=host ...` で起動する（nsbook の docker/ の compose ファイルはそうしている）か、nsbook をホストで実行する",
      },
    );
  }
  if (signs.length > 0) {
    return check("env.container", "environment", title, "info", {
      en: `looks like a container (${signs.join(", ")}), with privileges: fine`,
      ja: `コンテナの中らしい（${signs.join("、")}）が、特権があるので問題ない`,
    });
  }
  return check("env.container", "environment", title, "ok", {
    en: "not in a container",
    ja: "コンテナの中ではない",
  });
}

/** env.wsl and env.container. */
export function environmentChecks(ctx: CheckContext): DoctorCheck[] {
  return [wslCheck(ctx), containerCheck(ctx)];
}
