// Where nsbook keeps things on the host. One place, so the CLI, every kernel and cleanup agree.

import { AsyncLocalStorage } from "node:async_hooks";
import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { NsbookError } from "../errors/index.js";

const isRoot = (): boolean => process.getuid?.() === 0;

/**
 * Data directory: root filesystems and the download cache.
 * `NSBOOK_HOME`, else /var/lib/nsbook as root, else $XDG_DATA_HOME/nsbook (~/.local/share/nsbook).
 */
export function dataDir(): string {
  if (process.env.NSBOOK_HOME) return process.env.NSBOOK_HOME;
  if (isRoot()) return "/var/lib/nsbook";
  return join(process.env.XDG_DATA_HOME || join(homedir(), ".local", "share"), "nsbook");
}

/** Root filesystems live in `<dataDir>/rootfs/<name>`. */
export function rootfsDir(name: string): string {
  return join(dataDir(), "rootfs", name);
}

/** The offline default root filesystem (built from the host's static busybox). */
export function defaultRootfsDir(): string {
  return rootfsDir("busybox");
}

/** Downloaded tarballs are cached in `<dataDir>/cache`. */
export function cacheDir(): string {
  return join(dataDir(), "cache");
}

/**
 * Whose containers these are: one learner (the user the course runs for) and one session of theirs - a Jupyter
 * kernel ("kernel-<id8>-<pid>", its NSBOOK_OWNER) or their terminal ("terminal"). Every scope has its own state
 * folder, cgroup names, bridge, subnet and address leases, so two learners - or two kernels of one learner -
 * running the same notebook, with the same container names, never meet. Like rootless podman's per-user stores,
 * but all kept by root, so the instructor (root) can list and clean every scope.
 */
export interface ContainerScope {
  /** The learner's user name. */
  learner: string;
  /** "terminal", or the owner of a kernel ("kernel-3f9a1c2d-1234"). */
  session: string;
}

/** The session of a learner's commands typed at a terminal (`sudo nsbook run ...`). */
export const TERMINAL_SESSION = "terminal";

/**
 * A learner or session name as a scope part: it becomes a folder name and part of cgroup names, where "." joins
 * the parts, so no "." and no "/".
 */
const SCOPE_PART_RE = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$/;

/** The scope "learner/session" as NSBOOK_SCOPE gives it; a user-facing error for anything else. */
export function parseScope(text: string): ContainerScope {
  const [learner = "", session = "", ...rest] = text.split("/");
  if (rest.length > 0 || !SCOPE_PART_RE.test(learner) || !SCOPE_PART_RE.test(session)) {
    throw new NsbookError(
      "paths",
      `NSBOOK_SCOPE=${JSON.stringify(text)} is not a scope: expected LEARNER/SESSION, each 1-64 of A-Z a-z 0-9 _ - (e.g. "alice/terminal")`,
    );
  }
  return { learner, session };
}

/** "alice/kernel-3f9a1c2d-1234". */
export function scopeText(scope: ContainerScope): string {
  return `${scope.learner}/${scope.session}`;
}

/** A scope set for one piece of async work by {@link withScope} (null: the unscoped run directory). */
const scopeOverride = new AsyncLocalStorage<ContainerScope | null>();

/**
 * The scope of this process's containers:
 *   - inside {@link withScope}, the one given there;
 *   - NSBOOK_SCOPE ("learner/session"): scripts/kernel/run-kernel.sh sets it for every kernel;
 *   - as root through sudo by a user other than root: that learner's terminal scope (SUDO_USER/terminal);
 *   - else none: the unscoped run directory (root itself, the instructor, or a rootless user's own folder).
 */
export function currentScope(): ContainerScope | undefined {
  const override = scopeOverride.getStore();
  if (override !== undefined) return override ?? undefined;
  if (process.env.NSBOOK_SCOPE) return parseScope(process.env.NSBOOK_SCOPE);
  const sudoUser = process.env.SUDO_USER;
  if (isRoot() && sudoUser && sudoUser !== "root" && SCOPE_PART_RE.test(sudoUser))
    return { learner: sudoUser, session: TERMINAL_SESSION };
  return undefined;
}

/** Runs `work` with `scope` as the current scope (null: unscoped), for it and everything it awaits. */
export function withScope<T>(scope: ContainerScope | null, work: () => T): T {
  return scopeOverride.run(scope, work);
}

/**
 * The run directory without a scope: `NSBOOK_RUN_DIR`, else /run/nsbook as root, else $XDG_RUNTIME_DIR/nsbook
 * (or /tmp/nsbook-<uid>). Scopes live below it, in `@<learner>/<session>`.
 */
export function baseRunDir(): string {
  if (process.env.NSBOOK_RUN_DIR) return process.env.NSBOOK_RUN_DIR;
  if (isRoot()) return "/run/nsbook";
  if (process.env.XDG_RUNTIME_DIR) return join(process.env.XDG_RUNTIME_DIR, "nsbook");
  return `/tmp/nsbook-${process.getuid?.() ?? "user"}`;
}

/**
 * The folder of a scope: `<baseRunDir>/@<learner>/<session>`. "@" cannot start a container name, so the
 * learners' folders never look like containers of the unscoped run directory.
 */
export function scopeRunDir(scope: ContainerScope): string {
  return join(baseRunDir(), `@${scope.learner}`, scope.session);
}

/**
 * Runtime state of containers (one folder per container), so the CLI, another kernel or a later session
 * can find them: the current scope's folder (see {@link currentScope}), else {@link baseRunDir}.
 */
export function runDir(): string {
  const scope = currentScope();
  return scope ? scopeRunDir(scope) : baseRunDir();
}

async function folders(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR")
      return [];
    throw e;
  }
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Every scope with a folder under the base run directory (of `learner` only, when given), sorted. */
export async function listScopes(learner?: string): Promise<ContainerScope[]> {
  const learners = (await folders(baseRunDir()))
    .filter((n) => n.startsWith("@") && SCOPE_PART_RE.test(n.slice(1)))
    .map((n) => n.slice(1))
    .filter((l) => learner === undefined || l === learner);
  const scopes: ContainerScope[] = [];
  for (const l of learners) {
    for (const session of await folders(join(baseRunDir(), `@${l}`))) {
      if (SCOPE_PART_RE.test(session)) scopes.push({ learner: l, session });
    }
  }
  return scopes;
}

/**
 * The scopes whose containers this process may list and clean (null: the unscoped run directory):
 *   - a kernel: its own scope only (a notebook sees the containers it started);
 *   - a learner at a terminal: every scope of theirs (their kernels' containers too);
 *   - unscoped root (the instructor): the unscoped run directory and every learner's scopes;
 *   - unscoped, not root: its own run directory.
 */
export async function visibleScopes(): Promise<(ContainerScope | null)[]> {
  const scope = currentScope();
  if (scope && scope.session !== TERMINAL_SESSION) return [scope];
  if (scope) {
    const theirs = await listScopes(scope.learner);
    return theirs.some((s) => s.session === TERMINAL_SESSION) ? theirs : [scope, ...theirs];
  }
  return isRoot() ? [null, ...(await listScopes())] : [null];
}
