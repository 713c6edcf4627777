// A bridge and a subnet per scope (see ContainerScope), so two learners' containers - or two kernels' - never
// share a switch, a subnet or an address lease. In a scope, the course's bridge "nsbook0" means the scope's own
// network, given on first use and kept until the scope's folder goes: the first scope gets nsbook0 with
// 10.213.0.0/24 itself when no one else uses it (a learner alone on their machine sees what the notebooks
// describe), later ones "nsb-<8 hex digits>" with 10.213.N.0/24 (N = 1..254). A machine-wide table under the base
// run directory, changed under a lock, says which scope holds which.

import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { baseRunDir, type ContainerScope, currentScope, scopeRunDir, scopeText } from "../core/paths.js";
import { invalidOption, NsbookError } from "../errors/index.js";
import { withFileLock } from "./file-lock.js";
import { DEFAULT_BRIDGE, DEFAULT_SUBNET } from "./network-options.js";

/** A scope's network: its bridge and subnet. */
export interface ScopeNetwork {
  bridge: string;
  subnet: string;
}

/** The bridge name of `scope` when nsbook0 is taken: "nsb-" and 8 hex digits of a hash of "learner/session". */
export function scopeBridgeName(scope: ContainerScope): string {
  return `nsb-${createHash("sha256").update(scopeText(scope)).digest("hex").slice(0, 8)}`;
}

/** The subnets scopes may get after 10.213.0.0/24: 10.213.1.0/24 ... 10.213.254.0/24. */
export function scopeSubnetCandidates(): string[] {
  return Array.from({ length: 254 }, (_, i) => `10.213.${i + 1}.0/24`);
}

/** A name no interface has: what "nsbook0" means in a scope that has no network yet (nothing is found). */
const NO_BRIDGE_YET = "nsb-none";

/** The machine-wide table: "learner/session" -> its network. */
interface ScopeNetworkTable {
  version: 2;
  scopes: Record<string, ScopeNetwork>;
}

function tablePath(): string {
  return join(baseRunDir(), "scope-networks.json");
}

async function readTable(): Promise<ScopeNetworkTable> {
  try {
    const table = JSON.parse(await readFile(tablePath(), "utf8")) as ScopeNetworkTable;
    if (table.version === 2 && typeof table.scopes === "object") return table;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT" && !(e instanceof SyntaxError)) throw e;
  }
  return { version: 2, scopes: {} };
}

/** Writes the table; deletes the file when no scope holds a network (nothing of nsbook's is left then). */
async function writeTable(table: ScopeNetworkTable): Promise<void> {
  const path = tablePath();
  if (Object.keys(table.scopes).length === 0) {
    await rm(path, { force: true });
    return;
  }
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(table, null, 2)}\n`, { mode: 0o644 });
  await rename(tmp, path);
}

/** Runs `work` on the table under its machine-wide lock. */
async function withTable<T>(work: (table: ScopeNetworkTable) => Promise<T>): Promise<T> {
  await mkdir(baseRunDir(), { recursive: true, mode: process.getuid?.() === 0 ? 0o755 : 0o700 });
  return withFileLock(join(baseRunDir(), "scope-networks.lock"), async () => work(await readTable()));
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Whether the unscoped run directory uses nsbook0 (its lease file is there while a container holds an address). */
function unscopedUsesNsbook0(): Promise<boolean> {
  return exists(join(baseRunDir(), `${DEFAULT_BRIDGE}.leases.json`));
}

/**
 * The network of `scope`, given on first use (see the file's comment); networks of scopes whose folder is gone
 * are free again. Throws a user-facing error when all 255 are taken.
 */
export async function scopeNetwork(scope: ContainerScope): Promise<ScopeNetwork> {
  return withTable(async (table) => {
    const key = scopeText(scope);
    const held = table.scopes[key];
    if (held) return held;
    for (const other of Object.keys(table.scopes)) {
      const [learner = "", session = ""] = other.split("/");
      if (!(await exists(scopeRunDir({ learner, session })))) delete table.scopes[other];
    }
    const taken = new Set(Object.values(table.scopes).map((n) => n.subnet));
    let network: ScopeNetwork | undefined;
    if (!taken.has(DEFAULT_SUBNET) && !(await unscopedUsesNsbook0()))
      network = { bridge: DEFAULT_BRIDGE, subnet: DEFAULT_SUBNET };
    else {
      const free = scopeSubnetCandidates().find((c) => !taken.has(c));
      if (free) network = { bridge: scopeBridgeName(scope), subnet: free };
    }
    if (!network) {
      throw new NsbookError(
        "no-free-subnet",
        `every subnet of 10.213.0.0/16 is held by a kernel or terminal (${taken.size}): stop the containers of idle kernels (\`nsbook ps\`, \`nsbook stop --owner\`)`,
      );
    }
    table.scopes[key] = network;
    await writeTable(table);
    return network;
  });
}

/** The scope holding nsbook0, if one does (read without the lock). */
export async function scopeHoldingNsbook0(): Promise<string | undefined> {
  const table = await readTable();
  return Object.entries(table.scopes).find(([, n]) => n.bridge === DEFAULT_BRIDGE)?.[0];
}

/**
 * The bridge `name` means in the current scope: for the course's default "nsbook0", the scope's own bridge (a
 * name no interface has while the scope has none yet); any other name, and everything unscoped, unchanged.
 */
export async function bridgeInScope(name: string = DEFAULT_BRIDGE): Promise<string> {
  const scope = currentScope();
  if (!scope || name !== DEFAULT_BRIDGE) return name;
  return (await readTable()).scopes[scopeText(scope)]?.bridge ?? NO_BRIDGE_YET;
}

/** Releases the network `scope` holds (when its folder goes). Idempotent. */
export async function releaseScopeSubnets(scope: ContainerScope): Promise<void> {
  await withTable(async (table) => {
    if (!table.scopes[scopeText(scope)]) return;
    delete table.scopes[scopeText(scope)];
    await writeTable(table);
  });
}

/**
 * The bridge and subnet a container of the current scope gets for the options asked: in a scope, the default
 * bridge is the scope's network ({@link scopeNetwork}; another subnet for it is refused); unscoped, nsbook0 is
 * refused while a learner's scope holds it. Any other bridge: as asked.
 */
export async function bridgeForContainer(options: { bridge?: string; subnet?: string }): Promise<{
  bridge?: string;
  subnet?: string;
}> {
  if ((options.bridge ?? DEFAULT_BRIDGE) !== DEFAULT_BRIDGE) return options;
  const scope = currentScope();
  if (!scope) {
    const holder = await scopeHoldingNsbook0();
    if (holder) {
      throw invalidOption(
        "bridge",
        DEFAULT_BRIDGE,
        `is the network of ${holder}'s kernel now: name a bridge of your own (--bridge nsbX), or run as that learner`,
      );
    }
    return options;
  }
  const network = await scopeNetwork(scope);
  if (
    options.subnet !== undefined &&
    options.subnet !== DEFAULT_SUBNET &&
    options.subnet !== network.subnet
  ) {
    throw invalidOption(
      "subnet",
      options.subnet,
      `cannot be chosen for the default bridge of ${scopeText(scope)} (it has ${network.subnet}): name a bridge of your own to choose its subnet`,
    );
  }
  return network;
}
