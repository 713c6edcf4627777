// The containers of several scopes at once: finding a name across a learner's scopes, and removing a scope's
// folder once nothing is left in it.
import { readdir, rm, rmdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import {
  type ContainerScope,
  currentScope,
  scopeRunDir,
  scopeText,
  visibleScopes,
  withScope,
} from "../core/paths.js";
import { listContainerNames } from "../core/state.js";
import { ContainerError } from "../errors/container-error.js";
import { releaseScopeSubnets } from "../network/scope-network.js";

/** Where a container was found: its scope (null: the unscoped run directory) and its bare name. */
export interface LocatedContainer {
  scope: ContainerScope | null;
  name: string;
}

/** "alice/kernel-3f9a1c2d-1234/nsbook-nb02", or the bare name when unscoped. */
export function qualifiedName(located: LocatedContainer): string {
  return located.scope ? `${scopeText(located.scope)}/${located.name}` : located.name;
}

/**
 * Finds container `given` among the scopes this process may see: "LEARNER/SESSION/NAME" names one scope;
 * a bare NAME is looked up in the current scope first, then in every other visible one (a learner at a terminal
 * finds the container their notebook's kernel started). Several matches: a user-facing error that lists them
 * as LEARNER/SESSION/NAME, to give instead. None: undefined.
 */
export async function locateContainer(given: string): Promise<LocatedContainer | undefined> {
  const parts = given.split("/");
  if (parts.length === 3) {
    const [learner = "", session = "", name = ""] = parts;
    const scope = (await visibleScopes()).find((s) => s?.learner === learner && s.session === session);
    if (!scope) return undefined;
    return (await withScope(scope, listContainerNames)).includes(name) ? { scope, name } : undefined;
  }
  const here = currentScope() ?? null;
  if ((await listContainerNames()).includes(given)) return { scope: here, name: given };
  const found: LocatedContainer[] = [];
  for (const scope of await visibleScopes()) {
    if (scope === here || (scope && here && scopeText(scope) === scopeText(here))) continue;
    if ((await withScope(scope, listContainerNames)).includes(given)) found.push({ scope, name: given });
  }
  if (found.length > 1) {
    throw new ContainerError(
      "not-found",
      `${found.length} containers are named "${given}": ${found.map(qualifiedName).join(", ")}; name one of them as LEARNER/SESSION/NAME`,
      { container: given },
    );
  }
  return found[0];
}

/**
 * Deletes the folder of `scope` and releases its network when it holds no container any more, then the learner's
 * folder when it is empty; true when the scope's folder is gone. Only the network's files (leases, locks) are
 * deleted, then the folder with rmdir(2), which fails if a container folder was claimed meanwhile: a container
 * starting at that moment in the same scope keeps its folder. The reaper calls it after a kernel's last
 * container is removed.
 */
export async function removeScopeIfEmpty(scope: ContainerScope): Promise<boolean> {
  if ((await withScope(scope, listContainerNames)).length > 0) return false;
  const dir = scopeRunDir(scope);
  const files = await readdir(dir).catch(() => [] as string[]);
  for (const f of files) {
    if (f.endsWith(".leases.json") || f.endsWith(".lock") || f.endsWith(".tmp"))
      await rm(join(dir, f), { force: true });
  }
  try {
    await rmdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") return false;
  }
  await releaseScopeSubnets(scope);
  await rmdir(dirname(dir)).catch(() => undefined); // other sessions of the learner keep it
  return true;
}
