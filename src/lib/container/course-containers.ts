// The course's containers on this machine, each with its role: a leftover (its creator is gone), in use (its
// creator still runs), or not the course's. Each notebook names its containers "nsbook-nb<NN>..." and removes
// them in its cleanup cell, but an interrupted run, a kernel that died or a notebook closed half-way can leave
// one running. Notebook 00 lists them and offers to remove the leftovers.

import { readStoredState } from "../core/state.js";
import { isRunning } from "../inspect/process-identity.js";
import { listContainers } from "./list-containers.js";
import { stopContainer } from "./stop-container.js";

/** Names the course's notebooks give their containers start with this. */
export const COURSE_CONTAINER_PREFIX = "nsbook-nb";

/** How one container relates to the course. */
export type ContainerRole = "leftover" | "in-use" | "not-course";

/** One container found under nsbook's run directory. */
export interface FoundContainer {
  name: string;
  /** Live status: creating, running, exited, dead. */
  status: string;
  role: ContainerRole;
  /** Host PID of the process that created it, while that process still runs. */
  creatorPid?: number;
}

/** Decides a container's role from its name and whether its creator still runs (pure). */
export function roleOf(name: string, creatorAlive: boolean): ContainerRole {
  if (!name.startsWith(COURSE_CONTAINER_PREFIX)) return "not-course";
  return creatorAlive ? "in-use" : "leftover";
}

/** How long a folder without state.json may be a launch in progress (claimed, state not written yet), in ms. */
const CLAIM_GRACE_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The state of `name`, read again after a moment when its folder has none yet: another process may be creating
// it right now. Undefined when the container was removed meanwhile.
async function settledState(name: string) {
  const stored = await readStoredState(name);
  if (!stored || stored.state) return stored;
  await sleep(CLAIM_GRACE_MS);
  return readStoredState(name);
}

/** Every nsbook container on this machine, each with its role. */
export async function findCourseContainers(): Promise<FoundContainer[]> {
  const infos = await listContainers();
  const found = await Promise.all(
    infos.map(async (info): Promise<FoundContainer | undefined> => {
      const stored = await settledState(info.name);
      if (!stored) return undefined; // removed while we looked
      const launcher = stored.state?.launcher;
      const alive = await isRunning(launcher);
      return {
        name: info.name,
        status: info.status,
        role: roleOf(info.name, alive),
        ...(alive && launcher ? { creatorPid: launcher.pid } : {}),
      };
    }),
  );
  return found.filter((c): c is FoundContainer => c !== undefined);
}

/** Names of the leftovers among `found`. */
export function leftoverNames(found: readonly FoundContainer[]): string[] {
  return found.filter((c) => c.role === "leftover").map((c) => c.name);
}

/** Stops and removes the named containers (what `nsbook stop NAME...` does); returns the names removed. */
export async function removeContainers(names: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const name of names) {
    const outcome = await stopContainer(name, { remove: true });
    if (outcome.removed) removed.push(name);
  }
  return removed;
}
