// Gathers the signs of WSL and of a container.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dataDir, runDir } from "../../core/paths.js";
import type { EnvironmentFacts } from "../facts.js";

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Reads /proc/version, /proc/1/cgroup, the container marker files, the WSL/container variables, nsbook's run and data directories. */
export async function readEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<EnvironmentFacts> {
  const [procVersion, pid1Cgroup] = await Promise.all([
    readText("/proc/version"),
    readText("/proc/1/cgroup"),
  ]);
  return {
    ...(procVersion ? { procVersion: procVersion.trim() } : {}),
    ...(env.WSL_DISTRO_NAME ? { wslDistroName: env.WSL_DISTRO_NAME } : {}),
    ...(env.container ? { containerVar: env.container } : {}),
    dockerenv: existsSync("/.dockerenv"),
    containerenv: existsSync("/run/.containerenv"),
    ...(pid1Cgroup ? { pid1Cgroup } : {}),
    runDir: runDir(),
    dataDir: dataDir(),
  };
}
