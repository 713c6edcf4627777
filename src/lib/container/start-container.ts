// Starting a detached container: its init runs as PID 1 in new namespaces and outlives the process that
// started it (a CLI that exits, a notebook kernel that restarts).

import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { type ContainerExit, type ProcessIdentity, updateState, writeState } from "../core/state.js";
import { ContainerError } from "../errors/container-error.js";
import { HostCommandError, hintFor } from "../host/index.js";
import { identifyProcess } from "../inspect/process-identity.js";
import type { ContainerSpec, ContainerState } from "./container-spec.js";
import { type Extensions, inspectExit } from "./extensions.js";
import { READY_LINE } from "./init-script.js";
import { buildLaunchArgv } from "./launch-argv.js";
import {
  type ContainerPlan,
  type CreateOptions,
  claimContainer,
  createNetwork,
  createResources,
  planContainer,
  stateDirOf,
} from "./prepare-container.js";
import { hostProgram } from "./process/host-program.js";
import { findMarkedProcesses } from "./process/marker-scan.js";
import { trackOwnChild } from "./process/own-children.js";
import { childrenOf } from "./process/process-tree.js";
import { stopContainer } from "./stop-container.js";

/** Options for {@link startContainer}. */
export interface StartOptions extends CreateOptions {
  /** How long the container may take to be ready (namespaces made, hostname set), in ms. @default 10000 */
  startTimeoutMs?: number;
}

/** The command of a detached container when none is given: it idles until stopped (and dies on SIGTERM). */
export const IDLE_COMMAND: readonly string[] = ["sleep", "infinity"];

/** Spawns the launch argv detached: its own session, stdout to the log file, stderr a pipe for readiness. */
function spawnDetached(state: ContainerState, plan: ContainerPlan): ChildProcess {
  const launch = buildLaunchArgv(plan.spec, {
    mode: plan.mode,
    stateDir: stateDirOf(state.name),
    reportReady: true,
    dieWithLauncher: false,
    cgroupProcsFiles: state.cgroupProcsFiles,
  });
  const [program, ...args] = launch.argv as [string, ...string[]];
  const log = openSync(state.logPath, "a", 0o600);
  try {
    // node:child_process, not runHost: this process must outlive us. `detached` gives it its own session
    // (setsid), so neither our process group's signals (a notebook interrupt) nor our exit reach it.
    return spawn(hostProgram(program), args, {
      argv0: program,
      env: launch.env,
      detached: true,
      stdio: ["ignore", log, "pipe"],
    });
  } finally {
    closeSync(log);
  }
}

/** Resolves with the set-up's stderr once the init printed the ready line; rejects when it exits first. */
function waitForReady(child: ChildProcess, timeoutMs: number, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let stderr = "";
    const started = performance.now();
    const fail = (exitCode: number | undefined, signal: string | undefined, extra?: string) => {
      cleanup();
      const text = [extra, stderr.trim()].filter(Boolean).join("\n");
      reject(
        new HostCommandError({
          what,
          argv: child.spawnargs,
          exitCode,
          signal,
          stderr: text,
          stdout: "",
          durationMs: performance.now() - started,
          hint: hintFor({ argv: child.spawnargs.slice(1), exitCode, stderr: text }),
        }),
      );
    };
    const onData = (d: string) => {
      stderr += d;
      const at = stderr.indexOf(`${READY_LINE}\n`);
      if (at < 0) return;
      cleanup();
      resolve();
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(code ?? undefined, signal ?? undefined);
    const onError = (e: NodeJS.ErrnoException) => {
      cleanup();
      reject(
        new HostCommandError({
          what,
          argv: child.spawnargs,
          stderr: e.message,
          stdout: "",
          durationMs: performance.now() - started,
          hint: hintFor({ argv: child.spawnargs, stderr: e.message, code: e.code }),
          cause: e,
        }),
      );
    };
    const timer = setTimeout(() => fail(undefined, undefined, `not ready after ${timeoutMs} ms`), timeoutMs);
    function cleanup() {
      clearTimeout(timer);
      child.stderr?.off("data", onData);
      child.off("close", onExit);
      child.off("error", onError);
    }
    child.stderr?.setEncoding("utf8").on("data", onData);
    // "close", not "exit": it comes after stderr is drained, so a ready line written just before a quick exit is
    // still seen. The caller attaches these listeners right after the spawn, before the child can be reaped.
    child.on("close", onExit);
    child.on("error", onError);
  });
}

/**
 * Records how the container's main command ended, when we see it (we are its launcher): in the state being
 * written by the start itself, and in the file afterwards. Registered right after the spawn, so a command that
 * ends at once is not missed.
 */
function trackExit(state: ContainerState, child: ChildProcess, extensions: Extensions): void {
  const { name, createdAt } = state;
  trackOwnChild(name, child, async (code, signal) => {
    const seen = { ...(code === null ? {} : { code }), ...(signal === null ? {} : { signal }) };
    // The cgroups still exist (they go only with `stop`/`remove`): their counters tell an OOM kill apart.
    const report = await inspectExit(extensions, state, seen);
    const exit: ContainerExit = {
      ...seen,
      ...(report ? { oomKilled: report.oomKilled, message: report.message } : {}),
      ...(report?.oomKilled ? { code: report.exitCode } : {}),
      at: new Date().toISOString(),
    };
    state.exit = exit;
    await updateState<ContainerSpec>(name, (s) => {
      if (s.createdAt === createdAt) s.exit = exit; // else the name was reused meanwhile
    });
  });
}

/**
 * Finds unshare (the monitor) and the init: directly for our own child, by marker through sudo. Undefined when
 * they have ended already: a command that exits at once (`echo hi`) may be gone before we look.
 */
async function locateProcesses(
  state: ContainerState,
  spawned: ProcessIdentity,
): Promise<{ monitor: ProcessIdentity; init: ProcessIdentity } | undefined> {
  let monitorPid = spawned.pid;
  if (state.privilege === "sudo") {
    const marked = await findMarkedProcesses(dirname(stateDirOf(state.name)), stateDirOf(state.name));
    const unshare = marked.find((m) => m.comm === "unshare");
    if (!unshare) return undefined;
    monitorPid = unshare.pid;
  }
  const monitor = await identifyProcess(monitorPid);
  const [initPid] = await childrenOf(monitorPid);
  const init = initPid === undefined ? undefined : await identifyProcess(initPid);
  return monitor && init ? { monitor, init } : undefined;
}

/**
 * Waits (at most `limitMs`) until the init's child has exec'd the container's command. The init reports ready
 * just before it runs the command, so without this an exec issued right after start could take PID 2 itself,
 * or find PID 2 still a copy of the init. A fresh fork keeps its parent's cmdline until it execs, so "started"
 * means: a child whose cmdline differs from the init's. Stops early when the init is gone (a command that
 * exited at once ends the init too).
 */
async function waitForCommandStarted(initPid: number, limitMs = 1000): Promise<void> {
  const cmdline = (pid: number) => readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => undefined);
  const initCmdline = await cmdline(initPid);
  const deadline = performance.now() + limitMs;
  while (initCmdline !== undefined && performance.now() < deadline) {
    for (const child of await childrenOf(initPid)) {
      const c = await cmdline(child);
      if (c !== undefined && c !== initCmdline) return;
    }
    if ((await identifyProcess(initPid)) === undefined) return;
    await new Promise((r) => setTimeout(r, 2));
  }
}

/**
 * Starts a detached container and resolves once it is ready: namespaces created, /proc mounted, root switched,
 * hostname set, and the command started under a reaping init. The state (and each resource) is written down
 * before it is created, so a crash at any point leaves nothing that {@link stopAllContainers} cannot find.
 */
export async function launchDetached(options: StartOptions = {}): Promise<ContainerState> {
  const plan = await planContainer(options, IDLE_COMMAND);
  const state = await claimContainer(plan, "detached");
  const what = `start container "${state.name}"`;
  let child: ChildProcess | undefined;
  try {
    await createResources(state, plan.extensions);
    child = spawnDetached(state, plan);
    trackExit(state, child, plan.extensions);
    // Listen for the ready line (or the end) before awaiting anything else: a container that fails at once
    // can exit and close its stderr while we write the state, and a "close" emitted before the listener is
    // attached is never seen again (the start would then wait for its whole timeout).
    const ready = waitForReady(child, options.startTimeoutMs ?? 10_000, what);
    ready.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    const spawned = child.pid === undefined ? undefined : await identifyProcess(child.pid);
    if (spawned) {
      state.spawned = spawned;
      await writeState(state);
    }
    await ready;
    if (!spawned) throw new Error("the launcher process vanished");
    const located = await locateProcesses(state, spawned);
    if (located) {
      state.monitor = located.monitor;
      state.init = located.init;
      await waitForCommandStarted(located.init.pid);
      await createNetwork(state, located.init.pid, plan.extensions);
    }
    state.phase = located ? "running" : "stopped";
    await writeState(state);
  } catch (e) {
    await stopContainer(state.name, { remove: true, timeoutMs: 0 }).catch(() => undefined);
    if (e instanceof HostCommandError || e instanceof ContainerError) throw e;
    throw new ContainerError("start-failed", `${what} failed: ${(e as Error).message}`, {
      container: state.name,
      cause: e,
    });
  }
  child.stderr?.destroy();
  child.unref();
  return state;
}
