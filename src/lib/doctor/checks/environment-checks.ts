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
      "WSL1: no real Linux kernel, so there are no namespaces or cgroups",
      `convert the distro to WSL2: in PowerShell, \`wsl --set-version ${distro ?? "<distro>"} 2\``,
    );
  }
  if (gen === 2) {
    return check(
      "env.wsl",
      "environment",
      "WSL",
      "info",
      `WSL2${distro ? ` (distro ${distro})` : ""}, kernel ${ctx.facts.kernelRelease}`,
    );
  }
  return check("env.wsl", "environment", "WSL", "ok", "not WSL");
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
    ...(roCgroup ? ["cgroupfs is read-only"] : []),
    ...(noSysAdmin ? ["root lacks CAP_SYS_ADMIN"] : []),
  ];
  if (missing.length > 0) {
    return check(
      "env.container",
      "environment",
      "Container",
      "fail",
      `inside a container without privileges (${[...signs, ...missing].join(", ")})`,
      "start the container with `docker run --privileged --cgroupns=host ...` (as nsbook's docker/ compose file does), or run nsbook on the host",
    );
  }
  if (signs.length > 0) {
    return check(
      "env.container",
      "environment",
      "Container",
      "info",
      `looks like a container (${signs.join(", ")}), with privileges: fine`,
    );
  }
  return check("env.container", "environment", "Container", "ok", "not in a container");
}

/** env.wsl and env.container. */
export function environmentChecks(ctx: CheckContext): DoctorCheck[] {
  return [wslCheck(ctx), containerCheck(ctx)];
}
