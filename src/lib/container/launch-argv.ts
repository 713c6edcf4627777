// The argv that starts a container: pure, so every variant (mode, root switch, cgroups) is unit-tested.
// The stage-2 argv of a hardened container (the hardened pivot_root shell and its arguments) is at the end.

import { setprivDropList } from "../hardening/capabilities.js";
import { RUNC_MASKED_PATHS, RUNC_READONLY_PATHS } from "../hardening/runc-paths.js";
import { overlayMountArgv } from "../overlay/overlay-script.js";
import { type ContainerPrivilege, privilegePrefix } from "../privilege/index.js";
import { CONTAINER_PATH, type ContainerSpec } from "./container-spec.js";
import {
  CGROUP_JOIN_MARKER,
  CGROUP_JOIN_SCRIPT,
  HARDENED_PIVOT_MARKER,
  HARDENED_PIVOT_SCRIPT,
  INIT_EVAL,
  INIT_MARKER,
  INIT_SCRIPT,
  INIT_SCRIPT_VAR,
  PIVOT_ROOT_MARKER,
  PIVOT_ROOT_SCRIPT,
  PREPARE_ROOT_MARKER,
  PREPARE_ROOT_SCRIPT,
} from "./init-script.js";
import { type NamespaceKind, namespaceFlags } from "./namespaces.js";
import { dropToHostUserArgv } from "./userns-mapping.js";

/** How to launch: what {@link buildLaunchArgv} needs besides the spec. */
export interface LaunchArgvOptions {
  mode: ContainerPrivilege;
  /** The container's state directory (the marker that lets cleanup find the processes). */
  stateDir: string;
  /** Make the init report readiness on stderr (detached start). */
  reportReady: boolean;
  /**
   * Kill the container when the launching process dies (`setpriv --pdeathsig KILL`), for one-shot runs.
   * Ignored in sudo mode: the kernel clears the parent-death signal when sudo (setuid) is executed.
   */
  dieWithLauncher: boolean;
  /** cgroup.procs files the first process joins before it executes unshare. @default [] */
  cgroupProcsFiles?: readonly string[];
}

/** A process to spawn: argv, and the exact environment to give it (nothing inherited). */
export interface SpawnPlan {
  argv: string[];
  env: Record<string, string>;
}

/** `env -i K=V ...`: the way to hand an exact environment through sudo, which resets it. */
export function envArgv(env: Readonly<Record<string, string>>): string[] {
  return ["env", "-i", ...Object.entries(env).map(([k, v]) => `${k}=${v}`)];
}

/** Wraps `argv` with the privilege prefix and the environment, the same way for unshare and nsenter. */
export function withPrivilege(
  mode: ContainerPrivilege,
  env: Record<string, string>,
  argv: string[],
): SpawnPlan {
  // sudo resets the environment (so it goes through `env -i`); sudo itself is found on a standard PATH.
  if (mode === "sudo")
    return { argv: [...privilegePrefix(mode), ...envArgv(env), ...argv], env: { PATH: CONTAINER_PATH } };
  return { argv, env: { ...env } };
}

/** Prefixes `argv` with the cgroup-join shell when there are cgroup.procs files to join. */
export function withCgroupJoin(files: readonly string[], argv: string[]): string[] {
  if (files.length === 0) return argv;
  return ["/bin/sh", "-c", CGROUP_JOIN_SCRIPT, CGROUP_JOIN_MARKER, ...files, "--", ...argv];
}

/**
 * The argv (and environment) that creates the container's namespaces and runs its init as PID 1:
 *
 *   [sudo -n env -i ...] [setpriv --pdeathsig KILL --] [sh -c <cgroup join> ...]
 *   [unshare [--map-root-user --user] [--mount] [--uts] --propagation private -- sh -c <prepare root> ...] (stage 1)
 *   unshare --fork --kill-child=SIGKILL [--user --map-root-user] --pid --mount ... --propagation private
 *   (--root=ROOTFS [--mount-proc] /bin/sh -c <eval init> | /bin/sh -c <pivot_root> ... -c <eval init>)
 *   nsbook-init STATE HOSTNAME WORKDIR READY CMD...
 *
 * --fork: the new PID namespace applies to children only, so unshare forks the init and waits for it.
 * --kill-child: the init gets SIGKILL when unshare dies (PR_SET_PDEATHSIG), so killing unshare never leaks the
 * container. unshare itself blocks SIGINT and SIGTERM while it waits: only SIGKILL ends it.
 * --propagation private: mounts made inside (proc, /dev) never propagate back to the host, even when the
 * host's / is shared. --root makes unshare chroot itself, and --mount-proc then mounts proc at the new /proc.
 *
 * Stage 1 exists only for pivot_root, a minimal /dev, an overlay (mounted there, see OVERLAY_SCRIPT) or a
 * rootless hostname: it makes the user, mount and uts namespaces alone, prepares the root and sets the
 * hostname there, then execs stage 2 in the same process, which adds the other namespaces. Its forks thus
 * happen outside the new pid namespace, and the container's command is still PID 2.
 */
export function buildLaunchArgv(spec: ContainerSpec, options: LaunchArgvOptions): SpawnPlan {
  const ns = spec.namespaces;
  // With an overlay, the root is the union that stage 1 mounts on its merged directory (see OVERLAY_SCRIPT).
  const root = spec.overlay?.mergedDir ?? spec.rootfs;
  // Rootless, the init cannot set the hostname without forking (/proc/sys is the host root's): stage 1 does it.
  const staged =
    spec.overlay !== undefined ||
    spec.mountDev ||
    spec.rootSwitch === "pivot_root" ||
    (spec.hostname !== undefined && ns.includes("user"));
  const inStage1 = (k: NamespaceKind) =>
    staged && (k === "user" || k === "mount" || (k === "uts" && spec.hostname !== undefined));
  const initArgs = [
    "-c",
    INIT_EVAL,
    INIT_MARKER,
    options.stateDir,
    staged ? "" : (spec.hostname ?? ""),
    spec.workdir,
    options.reportReady ? "ready" : "",
    ...spec.command,
  ];
  const stage2 = ["unshare", "--fork", "--kill-child=SIGKILL"];
  if (!staged && ns.includes("user")) stage2.push("--map-root-user");
  stage2.push(...namespaceFlags(ns.filter((k) => !inStage1(k))));
  if (!staged && ns.includes("mount")) stage2.push("--propagation", "private");
  if (spec.rootSwitch === "chroot") {
    // --mount-proc implies --mount: in stage 2 that is a nested copy of stage 1's namespace, /dev included.
    stage2.push(`--root=${root}`);
    if (spec.mountProc) stage2.push("--mount-proc");
    stage2.push("--", "/bin/sh", ...initArgs);
  } else if (isHardened(spec)) {
    // Masks, read-only paths and the capability drop happen around the pivot (see HARDENED_PIVOT_SCRIPT).
    stage2.push(...hardenedPivotArgv(spec, root), ...initArgs);
  } else {
    stage2.push(
      "--",
      "/bin/sh",
      "-c",
      PIVOT_ROOT_SCRIPT,
      PIVOT_ROOT_MARKER,
      root,
      spec.mountProc ? "proc" : "",
      ...initArgs,
    );
  }
  let argv = stage2;
  if (staged) {
    const stage1 = ["unshare"];
    if (ns.includes("user")) stage1.push("--map-root-user");
    stage1.push(...namespaceFlags(ns.filter(inStage1)));
    if (ns.includes("mount")) stage1.push("--propagation", "private");
    argv = [
      ...stage1,
      "--",
      ...overlayMountArgv(spec.overlay),
      "/bin/sh",
      "-c",
      PREPARE_ROOT_SCRIPT,
      PREPARE_ROOT_MARKER,
      root,
      spec.rootSwitch,
      spec.mountDev ? "dev" : "",
      spec.hostname ?? "",
      ...stage2,
    ];
  }
  // With a mapping (`userns`), root joins the cgroups, then becomes the host user who owns the user namespace.
  if (spec.userns)
    argv = [...dropToHostUserArgv(spec.userns, options.dieWithLauncher && options.mode !== "sudo"), ...argv];
  argv = withCgroupJoin(options.cgroupProcsFiles ?? [], argv);
  if (options.dieWithLauncher && options.mode !== "sudo")
    argv = ["setpriv", "--pdeathsig", "KILL", "--", ...argv];
  // The init script travels in the environment (set last, so a user variable of that name cannot replace it).
  return withPrivilege(options.mode, { ...spec.env, [INIT_SCRIPT_VAR]: INIT_SCRIPT }, argv);
}

/** True when the container asks for anything {@link HARDENED_PIVOT_SCRIPT} does. */
export function isHardened(spec: Pick<ContainerSpec, "capDrop" | "hardening">): boolean {
  return (spec.capDrop?.length ?? 0) > 0 || spec.hardening !== undefined;
}

/**
 * `-- /bin/sh -c <hardened pivot> nsbook-hardened-pivot ROOT proc|"" DROPS nnp|"" MASKED... -- READONLY... --`,
 * to be followed by the init's arguments. `root` is the directory to pivot into (the rootfs, or an overlay's
 * merged directory).
 */
export function hardenedPivotArgv(spec: ContainerSpec, root: string): string[] {
  const h = spec.hardening;
  return [
    "--",
    "/bin/sh",
    "-c",
    HARDENED_PIVOT_SCRIPT,
    HARDENED_PIVOT_MARKER,
    root,
    spec.mountProc ? "proc" : "",
    spec.capDrop && spec.capDrop.length > 0 ? setprivDropList(spec.capDrop) : "",
    h?.noNewPrivs ? "nnp" : "",
    ...(h?.maskPaths ? RUNC_MASKED_PATHS : []),
    "--",
    ...(h?.readonlyPaths ? RUNC_READONLY_PATHS : []),
    "--",
  ];
}
