// Running a command inside a running container (its namespaces, root and working directory), like `docker exec`.

import { readState } from "../core/state.js";
import { ContainerError } from "../errors/container-error.js";
import { HostCommandError, hintFor } from "../host/index.js";
import { isRunning } from "../inspect/process-identity.js";
import {
  type ContainerSpec,
  type ContainerState,
  validateArgv,
  validateContainerPath,
  validateEnv,
} from "./container-spec.js";
import { recordObservedExit } from "./container-status.js";
import { buildExecArgv } from "./exec-argv.js";
import type { ProcessIoOptions } from "./process/process-io-options.js";
import { type ProcessOutcome, runProcess } from "./process/run-process.js";

/** Options for {@link execInContainer}. */
export interface ExecOptions extends ProcessIoOptions {
  /** Variables added to (or replacing) the container's environment for this command. @default {} */
  env?: Readonly<Record<string, string>>;
  /** Working directory inside the container. @default the init's working directory */
  workdir?: string;
}

/** How an exec'd command ended. */
export type ExecResult = ProcessOutcome;

function notRunning(state: ContainerState): ContainerError {
  const how = state.exit?.oomKilled
    ? ` (its command was ${state.exit.message ?? "killed: out of memory"})`
    : state.exit?.code !== undefined
      ? ` (its command exited with code ${state.exit.code})`
      : "";
  return new ContainerError(
    "not-running",
    `container "${state.name}" is not running${how}: exec needs a running container; see its output with \`nsbook logs ${state.name}\` and remove it with \`nsbook stop ${state.name}\``,
    { container: state.name },
  );
}

/**
 * Runs `command` inside the running container `name` (or the state given) and resolves with its exit code and
 * output; a non-zero exit code is a result, not an error. Fails with a "not-running" {@link ContainerError} when
 * the container's init has ended, and with a {@link HostCommandError} when nsenter itself fails.
 */
export async function execInContainer(
  nameOrState: string | ContainerState,
  command: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  const state = typeof nameOrState === "string" ? await readState<ContainerSpec>(nameOrState) : nameOrState;
  const argv = validateArgv(command, "command");
  const env = { ...state.spec.env, ...validateEnv(options.env) };
  const workdir =
    options.workdir === undefined ? undefined : validateContainerPath(options.workdir, "workdir");
  if (!state.init || !(await isRunning(state.init))) throw notRunning(await recordObservedExit(state));
  const plan = buildExecArgv({
    mode: state.privilege,
    initPid: state.init.pid,
    namespaces: state.spec.namespaces,
    command: argv,
    env,
    workdir,
    cgroupProcsFiles: state.cgroupProcsFiles,
    ...(state.spec.userns ? { userns: state.spec.userns } : {}),
  });
  const what = `exec in container "${state.name}"`;
  const outcome = await runProcess(plan, {
    what,
    mode: state.privilege,
    stdio: options.stdio,
    input: options.input,
    onStdout: options.onStdout,
    onStderr: options.onStderr,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
  });
  if (!outcome.killed && outcome.exitCode !== 0 && /^nsenter: /m.test(outcome.stderr)) {
    if (!(await isRunning(state.init))) throw notRunning(await recordObservedExit(state));
    throw new HostCommandError({
      what,
      argv: plan.argv,
      exitCode: outcome.exitCode,
      stderr: outcome.stderr.trim(),
      stdout: outcome.stdout.trim(),
      durationMs: outcome.durationMs,
      hint: hintFor({ argv: ["nsenter"], exitCode: outcome.exitCode, stderr: outcome.stderr }),
    });
  }
  return {
    ...(outcome.exitCode === undefined ? {} : { exitCode: outcome.exitCode }),
    ...(outcome.signal === undefined ? {} : { signal: outcome.signal }),
    stdout: outcome.stdout,
    stderr: outcome.stderr,
    durationMs: outcome.durationMs,
    killed: outcome.killed,
  };
}
