// What nsbook remembers about a container, in <runDir>/<name>/state.json, so any process can find it again:
// the state's shape, then the store that writes it atomically, reads it back and removes it.

import { randomBytes } from "node:crypto";
import type { Dirent } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ContainerError } from "../errors/container-error.js";
import type { ContainerPrivilege } from "../privilege/index.js";
import { runDir } from "./paths.js";

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
  /** cgroup.procs files the container's processes join (from the resources extension). */
  cgroupProcsFiles: string[];
  /** Resources to dispose of when the container is removed, in creation order. */
  resources: ResourceRecord[];
  /** How the main command ended, when the launcher (or a later look at its cgroups) saw it. */
  exit?: ContainerExit;
}

/** The folder of container `name` (the name is validated before it gets here). */
export function containerDir(name: string): string {
  return join(resolve(runDir()), name);
}

/** The state file of container `name`. */
export function stateFilePath(name: string): string {
  return join(containerDir(name), "state.json");
}

/** Where a detached container's init writes its output. */
export function logFilePath(name: string): string {
  return join(containerDir(name), "init.log");
}

/**
 * Creates the container's folder; false when it exists already. mkdir is atomic, so two launchers asking for
 * the same name cannot both get it.
 */
export async function claimContainerDir(name: string): Promise<boolean> {
  // Private to its owner except as root, where /run/nsbook is readable so `nsbook ps` works for everyone.
  await mkdir(runDir(), { recursive: true, mode: process.getuid?.() === 0 ? 0o755 : 0o700 });
  try {
    await mkdir(containerDir(name), { mode: 0o700 });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}

const locks = new Map<string, Promise<unknown>>();

/**
 * Runs `work` after every earlier state write of container `name` in this process has finished, so a
 * read-modify-write (the launcher recording an exit code) never interleaves with another write of the same
 * file and undoes it.
 */
function serialized<T>(name: string, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(name) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  locks.set(name, settled);
  void settled.then(() => {
    if (locks.get(name) === settled) locks.delete(name);
  });
  return next;
}

/** Writes state.json through a temporary file and rename(2), so a reader never sees half a file. */
export function writeState<Spec extends object>(state: ContainerState<Spec>): Promise<void> {
  const snapshot = `${JSON.stringify(state, null, 2)}\n`;
  return serialized(state.name, () => writeStateText(state.name, snapshot));
}

async function writeStateText(name: string, text: string): Promise<void> {
  const path = stateFilePath(name);
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  try {
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** What is in a container's folder: its state, or nothing usable (a launcher died before writing it). */
export type StoredState<Spec extends object = StoredSpec> =
  | { name: string; state: ContainerState<Spec> }
  | { name: string; state?: undefined; problem: string };

/** Reads the state of `name`; undefined when the container does not exist (no folder). */
export async function readStoredState<Spec extends object = StoredSpec>(
  name: string,
): Promise<StoredState<Spec> | undefined> {
  let text: string;
  try {
    text = await readFile(stateFilePath(name), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    const dirExists = await readdir(containerDir(name)).then(
      () => true,
      () => false,
    );
    return dirExists
      ? { name, problem: "no state.json (its launcher stopped before writing it)" }
      : undefined;
  }
  try {
    const state = JSON.parse(text) as ContainerState<Spec>;
    if (state.version !== 1 || state.name !== name)
      return { name, problem: "state.json of another version or name" };
    return { name, state };
  } catch (e) {
    return { name, problem: `state.json is not JSON (${(e as Error).message})` };
  }
}

/** Reads the state of `name`; throws a user-facing "not found" error when there is no such container. */
export async function readState<Spec extends object = StoredSpec>(
  name: string,
): Promise<ContainerState<Spec>> {
  const stored = await readStoredState<Spec>(name);
  if (stored?.state) return stored.state;
  if (stored) {
    throw new ContainerError(
      "not-found",
      `container "${name}" was never fully created (${stored.problem}): remove it with \`nsbook stop ${name}\``,
      {
        container: name,
      },
    );
  }
  throw new ContainerError("not-found", `no container named "${name}" (see \`nsbook ps\`)`, {
    container: name,
  });
}

/** Reads, changes and writes back the state of `name`; returns undefined when the container is gone. */
export function updateState<Spec extends object = StoredSpec>(
  name: string,
  change: (state: ContainerState<Spec>) => void,
): Promise<ContainerState<Spec> | undefined> {
  return serialized(name, async () => {
    const stored = await readStoredState<Spec>(name);
    if (!stored?.state) return undefined;
    change(stored.state);
    try {
      await writeStateText(name, `${JSON.stringify(stored.state, null, 2)}\n`);
    } catch (e) {
      // Another process (a second stop) removed the folder between the read and the write: the container is
      // gone, as when it was not found (the soak saw this as "ENOENT, open .../state.json.<pid>.<hex>.tmp").
      if ((e as NodeJS.ErrnoException).code === "ENOENT" && !(await folderExists(name))) return undefined;
      throw e;
    }
    return stored.state;
  });
}

/** Names of every container folder under runDir(), sorted. */
export async function listContainerNames(): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(runDir(), { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  return entries
    .filter((e) => e.isDirectory() && /^[a-z0-9][a-z0-9_.-]*$/.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** Names of folders being deleted start with this ("." : never a container name, never listed as one). */
export const REMOVING_PREFIX = ".removing-";

/**
 * Deletes the folder of `name` (state and log). Idempotent. With `createdAt`, only the folder of that very
 * container: a stop that read the state, then lost the race to another remover and to a new container of the
 * same name (a start that reuses a dead container's name removes it first), must not delete the newcomer's
 * state while it is being written (ENOTEMPTY) or once it runs (its processes and cgroups would be recorded
 * nowhere). The folder is checked where it is first, and left alone unless it holds that container: renaming
 * a newcomer's folder aside, even just to look and put it back, makes its launcher's next state write fail
 * (ENOENT, the soak saw it). Then it is renamed aside, atomically, checked again (another remover and a
 * newcomer may have come in between the two steps), and deleted; a folder that turns out to be a newcomer's
 * is put back.
 */
export async function removeContainerDir(name: string, createdAt?: string): Promise<void> {
  if (createdAt === undefined) {
    await rm(containerDir(name), { recursive: true, force: true });
    return;
  }
  if ((await createdAtIn(containerDir(name))) !== createdAt) return; // gone, or a newcomer's
  const aside = join(
    resolve(runDir()),
    `${REMOVING_PREFIX}${name}.${process.pid}.${randomBytes(4).toString("hex")}`,
  );
  try {
    await rename(containerDir(name), aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return; // someone else removed it
    throw e;
  }
  if ((await createdAtIn(aside)) !== createdAt) {
    // Not ours: a newer container of this name (or one whose state is still being written). Put it back.
    await rename(aside, containerDir(name));
    return;
  }
  await rm(aside, { recursive: true, force: true });
}

function folderExists(name: string): Promise<boolean> {
  return readdir(containerDir(name)).then(
    () => true,
    () => false,
  );
}

/** The createdAt of the container whose folder is `dir`; undefined without a readable state.json. */
function createdAtIn(dir: string): Promise<string | undefined> {
  return readFile(join(dir, "state.json"), "utf8").then(
    (text) => (JSON.parse(text) as Partial<ContainerState>).createdAt,
    () => undefined,
  );
}

/** Deletes the folders a removal renamed aside and could not finish deleting (it was killed meanwhile). */
export async function removeUnfinishedRemovals(): Promise<string[]> {
  const dir = resolve(runDir());
  const names = await readdir(dir).catch(() => [] as string[]);
  const aside = names.filter((n) => n.startsWith(REMOVING_PREFIX));
  for (const n of aside) await rm(join(dir, n), { recursive: true, force: true });
  return aside;
}
