// A manager for cgroup directories that already exist (recorded in a container's state), whatever process
// created them: each directory's files say which version and controllers it serves.
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { ControllerName } from "../types.js";
import type { CgroupManager, ControllerDir } from "./cgroup-manager.js";
import { managerForPlan } from "./new-manager.js";
import { MANAGED_CONTROLLERS } from "./plan-cgroups.js";

/** A v1 controller's signature file, present only in that controller's hierarchy. */
const V1_SIGNATURE: Readonly<Record<string, ControllerName>> = {
  "memory.usage_in_bytes": "memory",
  "cpu.cfs_quota_us": "cpu",
  "cpuacct.usage": "cpuacct",
  "pids.max": "pids",
};

/** What a cgroup directory serves: v2 when it has cgroup.controllers, else v1 by its controllers' files. */
export function controllersOfDir(dir: string): { version: 1 | 2; controllers: ControllerName[] } {
  const listFile = join(dir, "cgroup.controllers");
  if (existsSync(listFile)) {
    const listed = readFileSync(listFile, "utf8").trim().split(/\s+/);
    const controllers = MANAGED_CONTROLLERS.filter((c) => c === "cpuacct" || listed.includes(c));
    return { version: 2, controllers };
  }
  const controllers = Object.entries(V1_SIGNATURE)
    .filter(([file]) => existsSync(join(dir, file)))
    .map(([, c]) => c);
  return { version: 1, controllers };
}

/** A manager over existing directories `dirs` (all named alike, e.g. nsbook-web); missing ones are skipped. */
export function managerForDirs(dirs: readonly string[]): CgroupManager {
  const existing = dirs.filter((d) => existsSync(d));
  const dirName = basename(existing[0] ?? dirs[0] ?? "nsbook-");
  const v1: ControllerDir[] = [];
  let v2: { dir: string; controllers: ControllerName[] } | undefined;
  for (const dir of existing) {
    const found = controllersOfDir(dir);
    if (found.version === 2) v2 = { dir, controllers: found.controllers };
    else for (const controller of found.controllers) v1.push({ controller, version: 1, dir });
  }
  return managerForPlan({ dirName, v1, ...(v2 ? { v2 } : {}), unavailable: [] });
}
