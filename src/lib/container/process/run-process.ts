// Runs one container process in the foreground (a one-shot container, an exec) and collects how it ended.
//
// Not runHost: a container command's exit code is its answer, not a failure, and `nsbook run`/`exec`/`shell`
// must hand the terminal itself to the container (stdio "inherit"), which runHost does not offer.
import { spawn } from "node:child_process";
import { HostCommandError, hintFor, type ProcessResult } from "../../host/index.js";
import type { ContainerPrivilege } from "../../privilege/index.js";
import type { SpawnPlan } from "../launch-argv.js";
import { hostProgram } from "./host-program.js";
import type { ProcessIoOptions } from "./process-io-options.js";
import { descendantsOf } from "./process-tree.js";
import { signalProcesses } from "./signal-processes.js";

/** Options for {@link runProcess}. */
export interface RunProcessOptions extends ProcessIoOptions {
  /** What it is for, for errors ("run container web"). */
  what: string;
  /** The privilege mode (to kill the process tree on timeout). */
  mode: ContainerPrivilege;
  /** Called with the PID right after the spawn. */
  onSpawn?: (pid: number) => void;
}

/** How a foreground process ended. */
export interface ProcessOutcome extends ProcessResult {
  /** True when the timeout or the abort signal ended it. */
  killed: boolean;
}

/** Kills `pid` and all its descendants with SIGKILL (descendants first collected, then all at once). */
async function killTree(pid: number, mode: ContainerPrivilege): Promise<void> {
  const all = [...(await descendantsOf(pid)), pid];
  await signalProcesses(all, "SIGKILL", mode);
}

/** Spawns `plan` and resolves when it exits. Throws {@link HostCommandError} only when it cannot start. */
export function runProcess(plan: SpawnPlan, options: RunProcessOptions): Promise<ProcessOutcome> {
  const [program, ...args] = plan.argv as [string, ...string[]];
  const inherit = options.stdio === "inherit";
  const started = performance.now();
  return new Promise<ProcessOutcome>((resolve, reject) => {
    const child = spawn(hostProgram(program), args, {
      argv0: program,
      env: plan.env,
      stdio: inherit ? "inherit" : [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    const kill = () => {
      if (killed || child.pid === undefined) return;
      killed = true;
      void killTree(child.pid, options.mode).catch(() => undefined);
    };
    const onAbort = () => kill();
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      options.onStdout?.(d);
    });
    child.stderr?.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      options.onStderr?.(d);
    });
    if (child.stdin && options.input !== undefined) {
      child.stdin.on("error", () => undefined); // the command may exit without reading its input
      child.stdin.end(options.input);
    }
    if (options.timeoutMs !== undefined) timer = setTimeout(kill, options.timeoutMs);
    options.signal?.addEventListener("abort", onAbort, { once: true });
    if (options.signal?.aborted) kill();
    const finish = () => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    };
    let settled = false;
    child.on("error", (e: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      finish();
      const durationMs = performance.now() - started;
      reject(
        new HostCommandError({
          what: options.what,
          argv: plan.argv,
          stderr: e.message,
          stdout: "",
          durationMs,
          hint: hintFor({ argv: plan.argv, stderr: e.message, code: e.code }),
          cause: e,
        }),
      );
    });
    // "exit", not "close": without a pid namespace a background process of the container may keep the pipes
    // open forever. Output already in the pipes is still read during a short grace period.
    child.on("exit", (code, signal) => {
      if (settled) return;
      settled = true;
      finish();
      const durationMs = performance.now() - started;
      const done = () => {
        clearTimeout(grace);
        child.stdout?.destroy();
        child.stderr?.destroy();
        resolve({
          ...(code === null ? {} : { exitCode: code }),
          ...(signal === null ? {} : { signal }),
          stdout,
          stderr,
          durationMs,
          killed,
        });
      };
      const grace = setTimeout(done, inherit ? 0 : 200);
      child.once("close", done);
    });
  });
}
