// IP address management: which container holds which address of a bridge's subnet, in a file under the run
// directory, changed only under a lock file so parallel starts never hand out the same address twice.

import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { runDir } from "../core/paths.js";
import { NsbookError } from "../errors/index.js";
import { withFileLock } from "./file-lock.js";
import type { BridgeConfig } from "./network-options.js";
import { containerAddresses } from "./subnet.js";

/** The content of a bridge's lease file. */
export interface LeaseTable {
  version: 1;
  bridge: string;
  /** The subnet the addresses come from, e.g. "10.213.0.0/24". */
  subnet: string;
  /** address -> name of the container that holds it. */
  leases: Record<string, string>;
}

/** The lease file of `bridge` (a file, not a folder: folders under the run directory are containers). */
export function leaseFilePath(bridge: string): string {
  return join(resolve(runDir()), `${bridge}.leases.json`);
}

/** The lock file guarding the bridge and its lease file. */
export function networkLockPath(bridge: string): string {
  return join(resolve(runDir()), `${bridge}.lock`);
}

/**
 * The first free address of the subnet for `container` (its own lease if it has one already); undefined
 * when the subnet is full. Pure.
 */
export function pickAddress(config: BridgeConfig, table: LeaseTable, container: string): string | undefined {
  const held = Object.entries(table.leases).find(([, owner]) => owner === container);
  if (held) return held[0];
  return containerAddresses(config.subnet).find((a) => table.leases[a] === undefined);
}

/** Reads the lease table of `config.bridge`; an empty one when there is no file yet. */
export async function readLeases(config: BridgeConfig): Promise<LeaseTable> {
  const empty: LeaseTable = { version: 1, bridge: config.bridge, subnet: config.subnet.cidr, leases: {} };
  let text: string;
  try {
    text = await readFile(leaseFilePath(config.bridge), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return empty;
    throw e;
  }
  const table = JSON.parse(text) as LeaseTable;
  return table.version === 1 && typeof table.leases === "object" ? table : empty;
}

async function writeLeases(table: LeaseTable): Promise<void> {
  const path = leaseFilePath(table.bridge);
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(table, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, path);
}

/** Whether container `name` still has a folder under the run directory (a lease of a vanished one is free). */
async function containerExists(name: string): Promise<boolean> {
  return stat(join(resolve(runDir()), name)).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Runs `work` holding the lock of `bridge` (bridge creation and removal, leases). */
export async function withNetworkLock<T>(bridge: string, work: () => Promise<T>): Promise<T> {
  await mkdir(runDir(), { recursive: true, mode: process.getuid?.() === 0 ? 0o755 : 0o700 });
  return withFileLock(networkLockPath(bridge), work);
}

/**
 * Leases an address to `container` (call it holding {@link withNetworkLock}): `beforeWrite(address)` runs
 * before the lease is written, so the caller can record it in the container's registry first. Leases of
 * containers that no longer exist are dropped on the way. Throws when the subnet is full.
 */
export async function leaseAddress(
  config: BridgeConfig,
  container: string,
  beforeWrite: (address: string) => Promise<void>,
): Promise<string> {
  const table = await readLeases(config);
  if (table.subnet !== config.subnet.cidr) {
    throw new NsbookError(
      "ip-address",
      `bridge ${config.bridge} already serves subnet ${table.subnet}, not ${config.subnet.cidr}: use the same subnet, or another bridge name`,
    );
  }
  for (const [address, owner] of Object.entries(table.leases)) {
    if (owner !== container && !(await containerExists(owner))) delete table.leases[address];
  }
  const address = pickAddress(config, table, container);
  if (!address) {
    throw new NsbookError(
      "ip-address",
      `subnet ${config.subnet.cidr} of bridge ${config.bridge} has no free address: remove a container`,
    );
  }
  await beforeWrite(address);
  table.leases[address] = container;
  await writeLeases(table);
  return address;
}

/** Releases `address` if `container` holds it (call it holding the lock). Idempotent. */
export async function releaseAddress(bridge: string, address: string, container: string): Promise<void> {
  const path = leaseFilePath(bridge);
  let table: LeaseTable;
  try {
    table = JSON.parse(await readFile(path, "utf8")) as LeaseTable;
  } catch {
    return;
  }
  if (table.leases?.[address] !== container) return;
  delete table.leases[address];
  await writeLeases(table);
}

/** Deletes the lease file of `bridge` (when the bridge itself goes). */
export async function removeLeaseFile(bridge: string): Promise<void> {
  await rm(leaseFilePath(bridge), { force: true });
}
