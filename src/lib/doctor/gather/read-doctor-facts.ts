// Gathers everything doctor evaluates from the live host.
import { release } from "node:os";
import { readCgroupFacts } from "../../cgroups/detect/index.js";
import { classifyPrivilege, readPrivilegeFacts } from "../../privilege/index.js";
import type { DoctorFacts } from "../facts.js";
import { readEnvironment } from "./read-environment.js";
import { readRootfs } from "./read-rootfs.js";
import { readTools } from "./read-tools.js";
import { runProbes } from "./run-probes.js";

/** Options for {@link readDoctorFacts}. */
export interface ReadDoctorFactsOptions {
  /** Try namespaces, chroot and overlay for real (each in a namespace of its own). @default true */
  probe?: boolean;
  /** Give up on each command after this long, in milliseconds. @default 10000 */
  timeoutMs?: number;
  /** Aborting stops the commands being run. */
  signal?: AbortSignal;
  /** Root filesystem to look for. @default defaultRootfsDir() */
  rootfsDir?: string;
}

/** Gathers the facts: privilege first (the probes depend on the mode), then the rest in parallel. */
export async function readDoctorFacts(options: ReadDoctorFactsOptions = {}): Promise<DoctorFacts> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const privilege = await readPrivilegeFacts({ timeoutMs, signal: options.signal });
  const mode = classifyPrivilege(privilege).mode;
  const [environment, cgroups, tools, probes] = await Promise.all([
    readEnvironment(),
    readCgroupFacts(),
    readTools(timeoutMs, options.signal),
    options.probe === false ? undefined : runProbes(mode, timeoutMs, options.signal),
  ]);
  return {
    generatedAt: new Date().toISOString(),
    privilege,
    kernelRelease: release(),
    environment,
    cgroups,
    ...(probes ? { probes } : {}),
    rootfs: readRootfs(options.rootfsDir),
    tools,
    nodeVersion: process.versions.node,
  };
}
