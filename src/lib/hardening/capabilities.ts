// Linux capability names, and the list a container is asked to drop (`capDrop`), checked before setpriv sees it.
import { ContainerError, invalidOption } from "../errors/index.js";

/** Every capability of Linux 5.9+ (capabilities(7)), without the CAP_ prefix, in kernel number order. */
export const LINUX_CAPABILITIES: readonly string[] = [
  "CHOWN",
  "DAC_OVERRIDE",
  "DAC_READ_SEARCH",
  "FOWNER",
  "FSETID",
  "KILL",
  "SETGID",
  "SETUID",
  "SETPCAP",
  "LINUX_IMMUTABLE",
  "NET_BIND_SERVICE",
  "NET_BROADCAST",
  "NET_ADMIN",
  "NET_RAW",
  "IPC_LOCK",
  "IPC_OWNER",
  "SYS_MODULE",
  "SYS_RAWIO",
  "SYS_CHROOT",
  "SYS_PTRACE",
  "SYS_PACCT",
  "SYS_ADMIN",
  "SYS_BOOT",
  "SYS_NICE",
  "SYS_RESOURCE",
  "SYS_TIME",
  "SYS_TTY_CONFIG",
  "MKNOD",
  "LEASE",
  "AUDIT_WRITE",
  "AUDIT_CONTROL",
  "SETFCAP",
  "MAC_OVERRIDE",
  "MAC_ADMIN",
  "SYSLOG",
  "WAKE_ALARM",
  "BLOCK_SUSPEND",
  "AUDIT_READ",
  "PERFMON",
  "BPF",
  "CHECKPOINT_RESTORE",
];

/**
 * The capabilities `docker run` leaves a container's root by default (moby's default set, handed to runc in
 * config.json). `runc spec` alone writes an even smaller example: AUDIT_WRITE, KILL and NET_BIND_SERVICE.
 */
export const DOCKER_DEFAULT_CAPABILITIES: readonly string[] = [
  "CHOWN",
  "DAC_OVERRIDE",
  "FSETID",
  "FOWNER",
  "MKNOD",
  "NET_RAW",
  "SETGID",
  "SETUID",
  "SETFCAP",
  "SETPCAP",
  "NET_BIND_SERVICE",
  "SYS_CHROOT",
  "KILL",
  "AUDIT_WRITE",
];

/**
 * Checks a list of capabilities to drop and normalizes it: names with or without "CAP_", any case
 * ("sys_admin", "CAP_SYS_ADMIN"), duplicates removed, kernel order; "ALL" drops every one and stands alone.
 * An empty list means nothing to drop. Throws a user-facing error naming the bad entry.
 */
export function normalizeCapDrop(value: unknown, option = "capDrop"): string[] {
  if (!Array.isArray(value))
    throw invalidOption(
      option,
      value,
      'must be an array of capability names, e.g. ["SYS_ADMIN", "MKNOD"] or ["ALL"]',
    );
  const wanted = new Set<string>();
  for (const item of value) {
    if (typeof item !== "string") throw invalidOption(option, item, "must be a capability name (a string)");
    const name = item.trim().toUpperCase().replace(/^CAP_/, "");
    if (name !== "ALL" && !LINUX_CAPABILITIES.includes(name)) {
      throw new ContainerError(
        "invalid-option",
        `${option}: ${JSON.stringify(item)} is not a Linux capability: use a name from capabilities(7) such as SYS_ADMIN, MKNOD, NET_RAW (with or without CAP_), or ALL`,
      );
    }
    wanted.add(name);
  }
  if (wanted.has("ALL")) return ["ALL"];
  return LINUX_CAPABILITIES.filter((c) => wanted.has(c));
}

/** The capabilities a container keeps when it drops `drop` (normalized): all of them minus the dropped ones. */
export function keptCapabilities(drop: readonly string[]): string[] {
  if (drop.includes("ALL")) return [];
  return LINUX_CAPABILITIES.filter((c) => !drop.includes(c));
}

/** setpriv's spelling of a drop list: "-all", or "-sys_admin,-mknod" (lower case, no "cap_"). */
export function setprivDropList(drop: readonly string[]): string {
  if (drop.includes("ALL")) return "-all";
  return drop.map((c) => `-${c.toLowerCase()}`).join(",");
}

/** Decodes a capability mask as /proc/PID/status shows it (CapEff: 000001ffffffffff) into names. */
export function decodeCapabilityMask(hex: string): string[] {
  const mask = BigInt(`0x${hex.trim()}`);
  return LINUX_CAPABILITIES.filter((_, bit) => ((mask >> BigInt(bit)) & 1n) === 1n);
}
