// Names of a container's veth pair on the host: short (IFNAMSIZ), ours ("nsb"), and derived from the container.
import { createHash } from "node:crypto";

/**
 * Host-side name of the veth of container `name` created at `createdAt` (its state's ISO time): "nsb" and 8
 * hex digits of a hash, 11 characters (the kernel allows 15). The time makes a reused container name get a
 * fresh interface name, so a half-removed old pair can never be mistaken for the new one.
 */
export function vethHostName(name: string, createdAt: string): string {
  return `nsb${createHash("sha256").update(`${name}\n${createdAt}`).digest("hex").slice(0, 8)}`;
}

/** The container-side end's name while it is still on the host, before it moves and becomes eth0. */
export function vethPeerName(hostName: string): string {
  return `${hostName}c`;
}

/** The container-side end's name inside the container. */
export const CONTAINER_INTERFACE = "eth0";
