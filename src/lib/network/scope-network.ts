// A bridge and a subnet per scope (see ContainerScope): in a learner's scope, the course's bridge "nsbook0" is
// that scope's own bridge "nsb-<8 hex>", with a /24 of 10.213.0.0/16 that no other scope holds, so two
// learners' containers never share a switch, a subnet or an address lease. The unscoped run directory keeps
// nsbook0 and 10.213.0.0/24.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { baseRunDir, type ContainerScope, currentScope, scopeRunDir, scopeText } from "../paths.js";
import { withFileLock } from "./file-lock.js";
import { DEFAULT_BRIDGE, DEFAULT_SUBNET } from "./network-options.js";

/** The bridge of `scope`: "nsb-" and 8 hex digits of a hash of "learner/session" (12 of 15 characters). */
export function scopeBridgeName(scope: ContainerScope): string {
  return `nsb-${createHash("sha256").update(scopeText(scope)).digest("hex").slice(0, 8)}`;
}

/** The bridge `bridge` means in the current scope: the scope's own bridge for the course's default "nsbook0". */
export function bridgeInScope(bridge: string = DEFAULT_BRIDGE): string {
  const scope = currentScope();
  return scope && bridge === DEFAULT_BRIDGE ? scopeBridgeName(scope) : bridge;
}

/** The subnets scopes may get: 10.213.1.0/24 ... 10.213.254.0/24 (10.213.0.0/24 is the unscoped nsbook0's). */
export function scopeSubnetCandidates(): string[] {
  return Array.from({ length: 254 }, (_, i) => `10.213.${i + 1}.0/24`);
}

/** The machine-wide table: subnet -> the bridge and scope holding it. */
interface SubnetTable {
  version: 1;
  subnets: Record<string, { bridge: string; scope: string }>;
}

function subnetTablePath(): string {
  return join(baseRunDir(), "scope-subnets.json");
}

async function readSubnetTable(): Promise<SubnetTable> {
  try {
    const table = JSON.parse(await readFile(subnetTablePath(), "utf8")) as SubnetTable;
    if (table.version === 1 && typeof table.subnets === "object") return table;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT" && !(e instanceof SyntaxError)) throw e;
  }
  return { version: 1, subnets: {} };
}

/** Writes the table; deletes the file when no scope holds a subnet (nothing of nsbook's is left then). */
async function writeSubnetTable(table: SubnetTable): Promise<void> {
  const path = subnetTablePath();
  if (Object.keys(table.subnets).length === 0) {
    await rm(path, { force: true });
    return;
  }
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(table, null, 2)}\n`, { mode: 0o644 });
  await rename(tmp, path);
}

/** Runs `work` on the subnet table under its machine-wide lock. */
async function withSubnetTable<T>(work: (table: SubnetTable) => Promise<T>): Promise<T> {
  await mkdir(baseRunDir(), { recursive: true, mode: process.getuid?.() === 0 ? 0o755 : 0o700 });
  return withFileLock(join(baseRunDir(), "scope-subnets.lock"), async () => work(await readSubnetTable()));
}

async function scopeExists(text: string): Promise<boolean> {
  const [learner = "", session = ""] = text.split("/");
  return stat(scopeRunDir({ learner, session })).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/**
 * The subnet of `bridge` (the current scope's own), allocated on first use: the one it holds already, else the
 * first candidate no scope holds. Call it holding the bridge's network lock (bridge creation and removal happen
 * under it too). Subnets of scopes whose folder is gone are free again. Throws when all 254 are taken.
 */
export async function scopeSubnet(scope: ContainerScope, bridge: string): Promise<string> {
  return withSubnetTable(async (table) => {
    const held = Object.entries(table.subnets).find(([, v]) => v.bridge === bridge);
    if (held) return held[0];
    for (const [cidr, v] of Object.entries(table.subnets)) {
      if (!(await scopeExists(v.scope))) delete table.subnets[cidr];
    }
    const free = scopeSubnetCandidates().find((c) => table.subnets[c] === undefined);
    if (!free) {
      throw Object.assign(
        new Error(
          `every learner subnet of 10.213.0.0/16 is in use (${Object.keys(table.subnets).length} scopes): stop containers of idle kernels (\`nsbook ps\`, \`nsbook stop --owner\`)`,
        ),
        { userFacing: true },
      );
    }
    table.subnets[free] = { bridge, scope: scopeText(scope) };
    await writeSubnetTable(table);
    return free;
  });
}

/** Releases the subnet of `bridge` (when the bridge is deleted). Idempotent. */
export async function releaseBridgeSubnet(bridge: string): Promise<void> {
  await withSubnetTable(async (table) => {
    const held = Object.entries(table.subnets).filter(([, v]) => v.bridge === bridge);
    if (held.length === 0) return;
    for (const [cidr] of held) delete table.subnets[cidr];
    await writeSubnetTable(table);
  });
}

/** Releases every subnet `scope` holds (when its folder goes). Idempotent. */
export async function releaseScopeSubnets(scope: ContainerScope): Promise<void> {
  await withSubnetTable(async (table) => {
    const held = Object.entries(table.subnets).filter(([, v]) => v.scope === scopeText(scope));
    if (held.length === 0) return;
    for (const [cidr] of held) delete table.subnets[cidr];
    await writeSubnetTable(table);
  });
}

/**
 * The bridge and subnet a container of the current scope gets for the options given: unscoped, or with a bridge
 * other than the default, what was asked; in a scope with the default bridge, the scope's bridge and - unless a
 * subnet other than the default was asked for - `allocate: true` (take {@link scopeSubnet} under the lock).
 */
export function scopeBridgeRequest(options: { bridge?: string; subnet?: string }): {
  bridge: string;
  subnet?: string;
  allocate: boolean;
} {
  const scope = currentScope();
  const bridge = bridgeInScope(options.bridge);
  if (!scope || bridge === (options.bridge ?? DEFAULT_BRIDGE))
    return { bridge, ...(options.subnet === undefined ? {} : { subnet: options.subnet }), allocate: false };
  const own = options.subnet !== undefined && options.subnet !== DEFAULT_SUBNET;
  return { bridge, ...(own ? { subnet: options.subnet } : {}), allocate: !own };
}
