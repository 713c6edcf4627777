// Finding the cgroups of a running container by its name, from any process: the container's state records
// them (kind "cgroup"); a bare cgroup made with createContainerCgroups() is found below our own cgroups.
import { readStoredState } from "../../container/state/state-store.js";
import type { CgroupManager } from "../manager/cgroup-manager.js";
import { managerForDirs } from "../manager/manager-for-dirs.js";
import { openContainerCgroups } from "./container-cgroups.js";
import { CGROUP_RESOURCE_KIND } from "./resource-hook.js";

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
    throw Object.assign(
      new Error(`container "${name}" has no cgroups any more (${dirs.join(", ")} are gone): has it stopped?`),
      {
        userFacing: true,
      },
    );
  }
  if (stored?.state) {
    throw Object.assign(
      new Error(`container "${name}" was started without resource limits, so it has no cgroups to read`),
      {
        userFacing: true,
      },
    );
  }
  return (await openContainerCgroups(name)).manager;
}
