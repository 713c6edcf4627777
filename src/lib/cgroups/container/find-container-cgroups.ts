// Finding the cgroups of a running container by its name, from any process: the container's state records
// them (kind "cgroup"); a bare cgroup made with createContainerCgroups() is found below our own cgroups.

import { readStoredState } from "../../core/state.js";
import { NsbookError } from "../../errors/index.js";
import type { CgroupManager } from "../manager/cgroup-manager.js";
import { managerForDirs } from "../manager/manager-for-dirs.js";
import { CGROUP_RESOURCE_KIND } from "./cgroups-extension.js";
import { openContainerCgroups } from "./container-cgroups.js";

/**
 * The manager of container `name`'s cgroups: those recorded in its state (created by whichever process started
 * it), else the cgroups nsbook-`name` below this process's cgroups. Throws a user-facing error when neither
 * exists.
 */
export async function findContainerCgroups(name: string): Promise<CgroupManager> {
  const stored = await readStoredState(name).catch(() => undefined);
  const dirs = stored?.state?.resources.filter((r) => r.kind === CGROUP_RESOURCE_KIND).map((r) => r.id) ?? [];
  if (dirs.length > 0) {
    const manager = managerForDirs(dirs);
    if (manager.exists()) return manager;
    throw new NsbookError(
      "no-cgroups",
      `container "${name}" has no cgroups any more (${dirs.join(", ")} are gone): has it stopped?`,
      { userMistake: true },
    );
  }
  if (stored?.state) {
    throw new NsbookError(
      "no-cgroups",
      `container "${name}" was started without resource limits, so it has no cgroups to read`,
      { userMistake: true },
    );
  }
  return (await openContainerCgroups(name)).manager;
}
