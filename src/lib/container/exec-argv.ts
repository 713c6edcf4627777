// The argv that runs a command inside a running container, like `docker exec`: pure, unit-tested.

import type { ContainerPrivilege } from "../privilege/index.js";
import { type SpawnPlan, withCgroupJoin, withPrivilege } from "./launch-argv.js";
import { type NamespaceKind, namespaceFlags } from "./namespaces.js";
import { dropToHostUserArgv, type UsernsMapping } from "./userns-mapping.js";

/** What {@link buildExecArgv} needs. */
export interface ExecArgvOptions {
  mode: ContainerPrivilege;
  /** Host PID of the container's init. */
  initPid: number;
  /** The container's namespaces (the ones to enter). */
  namespaces: readonly NamespaceKind[];
  /** The command to run inside. */
  command: readonly string[];
  /** The whole environment of the command. */
  env: Record<string, string>;
  /** Working directory inside the container; undefined: the init's. */
  workdir?: string;
  /** cgroup.procs files to join first (the container's cgroups). @default [] */
  cgroupProcsFiles?: readonly string[];
  /** The container's `userns` mapping: nsenter then runs as its host user, the owner of the user namespace. */
  userns?: UsernsMapping;
}

/**
 * `nsenter --target=PID <namespaces> --root (--wd | --wdns=DIR) -- CMD`.
 *
 * chroot is not a namespace: it is a property of each process. Without --root the command would enter every
 * namespace and still see the host's files; --root takes the init's root (/proc/PID/root) and --wd its working
 * directory, --wdns=DIR a directory named inside the container. With --pid nsenter forks, so the command is a
 * member of the container's PID namespace (its parent, nsenter, stays outside: PPid 0 inside).
 *
 * --preserve-credentials with a user namespace: by default nsenter switches to uid/gid 0 and calls
 * setgroups(2), which a rootless namespace forbids (its /proc/PID/setgroups says "deny"). Keeping our own uid
 * is enough: the namespace maps it to 0, and joining the namespace gave us its capabilities.
 */
export function buildExecArgv(options: ExecArgvOptions): SpawnPlan {
  const argv = ["nsenter", `--target=${options.initPid}`, ...namespaceFlags(options.namespaces)];
  if (options.namespaces.includes("user")) argv.push("--preserve-credentials");
  argv.push("--root");
  argv.push(options.workdir === undefined ? "--wd" : `--wdns=${options.workdir}`);
  argv.push("--", ...options.command);
  // As root, nsenter would keep uid 0, which the namespace does not map (it would act as the overflow uid 65534
  // and could not create files): become the namespace's owner first, so the command is uid 0 inside.
  const entered = options.userns ? [...dropToHostUserArgv(options.userns, false), ...argv] : argv;
  return withPrivilege(options.mode, options.env, withCgroupJoin(options.cgroupProcsFiles ?? [], entered));
}
