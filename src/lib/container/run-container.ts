// A one-shot container: create, run one command, collect its output and exit code, remove everything.
// One spawn of unshare does it all, so it costs little more than unshare itself.
import type { UsageSample } from "../cgroups/usage/usage-sample.js";
import { removeContainerDir } from "../core/state.js";
import { HostCommandError, hintFor } from "../host/index.js";
import type { ContainerState } from "./container-spec.js";
import { inspectExit } from "./extensions.js";
import { buildLaunchArgv } from "./launch-argv.js";
import {
  type CreateOptions,
  claimContainer,
  createResources,
  planContainer,
  stateDirOf,
} from "./prepare-container.js";
import type { ProcessIoOptions } from "./process/process-io-options.js";
import { type ProcessOutcome, runProcess } from "./process/run-process.js";
import { stopContainer } from "./stop-container.js";

/** Options for {@link runContainer}; `timeoutMs` and `signal` kill the whole container. */
export interface RunOptions extends CreateOptions, ProcessIoOptions {}

/** How a one-shot container's command ended. */
export interface RunResult extends ProcessOutcome {
  name: string;
  // exitCode is the command's (128 + N when signal N killed it), undefined when the whole container was killed
  // (timeout, abort: then signal is set); durationMs is the container's, from spawn to exit.
  /**
   * True when the OOM killer ended it: `exitCode` is then 137 whatever unshare reported (util-linux 2.38 and 2.39 say 1,
   * "sigprocmask unblock failed", when the init itself is SIGKILLed). Known only with `resources`.
   */
  oomKilled?: boolean;
  /**
   * How it ended in words, read from its cgroups before they were removed (with `resources` only), e.g.
   * "killed: out of memory (limit 32 MiB, peak 32 MiB)" or "exited with code 2 (3 forks refused at the process
   * limit of 5)".
   */
  exitMessage?: string;
  /** exitMessage in Japanese, for the Japanese notebooks. */
  exitMessageJa?: string;
  /** Its cgroups' usage at the end (peak memory, CPU time, limit hits), with `resources` only. */
  usage?: UsageSample;
}

/** stderr lines of a host tool in front of the container failing (not the container's command). */
const TOOL_FAILURE = /^(unshare|setpriv|sudo|nsenter|env): /m;

/** Which host tool's message `stderr` holds (for the hint table, which is keyed by program). */
function failingTool(stderr: string): string {
  return TOOL_FAILURE.exec(stderr)?.[1] ?? "unshare";
}

/**
 * Runs `options.command` (default /bin/sh) in a new container and resolves with its exit code and output once it
 * ends; the container's state and resources are then removed. A non-zero exit code is a result, not an error;
 * a failure of the host tools (unshare refused, rootfs without /bin/sh) throws a {@link HostCommandError} with
 * a hint. The container dies with the calling process (parent-death signal), except in sudo mode.
 */
export async function runContainer(options: RunOptions = {}): Promise<RunResult> {
  const plan = await planContainer(options, ["/bin/sh"]);
  const state = await claimContainer(plan, "one-shot");
  const what = `run container "${state.name}"`;
  let exited = false;
  try {
    await createResources(state, plan.extensions);
    const launch = buildLaunchArgv(plan.spec, {
      mode: plan.mode,
      stateDir: stateDirOf(state.name),
      reportReady: false,
      dieWithLauncher: true,
      cgroupProcsFiles: state.cgroupProcsFiles,
    });
    const outcome = await runProcess(launch, {
      what,
      mode: plan.mode,
      stdio: options.stdio,
      input: options.input,
      onStdout: options.onStdout,
      onStderr: options.onStderr,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
    });
    // unshare returns only after the init has exited, and with a pid namespace the kernel has then killed
    // every process of it: nothing is left to stop, only the state and resources to remove.
    exited = !outcome.killed;
    // Read the cgroups' counters now, before the finally below removes them: an OOM kill is known only there.
    const report = await inspectExit(plan.extensions, state, {
      code: outcome.exitCode,
      signal: outcome.signal,
    });
    const oomKilled = report?.oomKilled === true;
    if (!outcome.killed && !oomKilled && outcome.exitCode !== 0 && TOOL_FAILURE.test(outcome.stderr)) {
      throw new HostCommandError({
        what,
        argv: launch.argv,
        exitCode: outcome.exitCode,
        signal: outcome.signal,
        stderr: outcome.stderr.trim(),
        stdout: outcome.stdout.trim(),
        durationMs: outcome.durationMs,
        hint: hintFor({
          argv: [failingTool(outcome.stderr)],
          exitCode: outcome.exitCode,
          stderr: outcome.stderr,
        }),
      });
    }
    const exitCode = oomKilled ? report?.exitCode : outcome.exitCode;
    return {
      name: state.name,
      ...(outcome.killed && !oomKilled ? {} : { exitCode }),
      ...(outcome.killed ? { signal: outcome.signal ?? "SIGKILL" } : {}),
      stdout: outcome.stdout,
      stderr: outcome.stderr,
      durationMs: outcome.durationMs,
      killed: outcome.killed,
      ...(report ? { oomKilled, exitMessage: report.message } : {}),
      ...(report?.messageJa ? { exitMessageJa: report.messageJa } : {}),
      ...(report?.usage ? { usage: report.usage } : {}),
    };
  } finally {
    if (exited) await removeOneShot(state);
    else await stopContainer(state.name, { remove: true, timeoutMs: 0 });
  }
}

/** Removes a one-shot container whose processes have all ended: its resources, then its folder. */
async function removeOneShot(state: ContainerState): Promise<void> {
  if (state.resources.length === 0 && state.cgroupProcsFiles.length === 0) {
    await removeContainerDir(state.name, state.createdAt);
    return;
  }
  await stopContainer(state.name, { remove: true, timeoutMs: 0 });
}
