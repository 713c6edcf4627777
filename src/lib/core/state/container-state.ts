// What nsbook remembers about a container, in <runDir>/<name>/state.json, so any process can find it again.
import type { ContainerPrivilege } from "../../privilege/index.js";

/** A process, named so that a reused PID is never mistaken for it. */
export interface ProcessIdentity {
  pid: number;
  /** Start time in clock ticks after boot (/proc/PID/stat field 22). Same PID + same start time = same process. */
  startTime: number;
}

/** Something a container owns besides its processes: a cgroup, a network namespace, a veth, a mount... */
export interface ResourceRecord {
  /** Which disposer removes it, e.g. "cgroup", "netns", "link", "mount". */
  kind: string;
  /** What identifies it for that disposer, e.g. a cgroup directory or an interface name. */
  id: string;
  /** Anything else the disposer needs. */
  info?: Record<string, string | number | boolean>;
  /** ISO time it was recorded: always before it was created. */
  recordedAt: string;
}

/** One-shot runs are removed when their command ends; detached containers live until stopped. */
export type ContainerKind = "detached" | "one-shot";

/** Where a container is in its life, as last written (liveness itself is always checked in /proc). */
export type ContainerPhase = "creating" | "running" | "stopped";

/** How a container's main command ended. */
export interface ContainerExit {
  /** Exit code (137 after an OOM kill, whatever unshare reported). */
  code?: number;
  /** Signal that ended unshare, when one did. */
  signal?: string;
  /** ISO time it was seen. */
  at: string;
  /** True when the OOM killer ended it (read from its memory cgroup's counters). */
  oomKilled?: boolean;
  /** In words, from its cgroups' counters, e.g. "killed: out of memory (limit 32 MiB, peak 32 MiB)". */
  message?: string;
}

/**
 * A container's spec as the layers below container/ see it. container/ stores its whole ContainerSpec (see
 * container/container-spec.ts, whose `ContainerState` is this state with that spec); below it, an extension
 * reads only its own part of the stored JSON (overlay its `overlay`, and so on).
 */
export interface StoredSpec {
  name: string;
}

/** The content of state.json. */
export interface ContainerState<Spec extends object = StoredSpec> {
  version: 1;
  name: string;
  kind: ContainerKind;
  privilege: ContainerPrivilege;
  spec: Spec;
  /** ISO time the state was created. */
  createdAt: string;
  phase: ContainerPhase;
  /** The process that created the container (a CLI, a notebook kernel). */
  launcher: ProcessIdentity;
  /**
   * Who the container belongs to, from NSBOOK_OWNER when it was created: "kernel-<id>-<pid>" for a Jupyter
   * kernel (scripts/kernel/run-kernel.sh), whose reaper runs `nsbook stop --owner` once the kernel is gone.
   */
  owner?: string;
  /** The process nsbook spawned (unshare itself, or sudo / setpriv in front of it). */
  spawned?: ProcessIdentity;
  /** unshare: it created the namespaces and waits for the init; killing it kills the init (--kill-child). */
  monitor?: ProcessIdentity;
  /** The container's init (PID 1 inside when it has a pid namespace), by its host PID. */
  init?: ProcessIdentity;
  /** The init's stdout and stderr (detached containers), absolute. */
  logPath: string;
  /** cgroup.procs files the container's processes join (from the resource hook). */
  cgroupProcsFiles: string[];
  /** Resources to dispose of when the container is removed, in creation order. */
  resources: ResourceRecord[];
  /** How the main command ended, when the launcher (or a later look at its cgroups) saw it. */
  exit?: ContainerExit;
}
