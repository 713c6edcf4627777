// The one description of a container: what it runs, where, and which namespaces isolate it.
import { posix } from "node:path";
import type { ResourceLimitsInput } from "../cgroups/limits/limits.js";
import { generateContainerName, validateContainerName } from "../core/container-name.js";
import type { ContainerState as StoredContainerState } from "../core/state.js";
import { ContainerError, invalidOption } from "../errors/index.js";
import { resolveBridgeOptions } from "../network/network-options.js";
import type { OverlayOptions, OverlaySpec } from "../overlay/overlay-spec.js";
import {
  type HardeningOptions,
  type HardeningSpec,
  normalizeHardening,
  wantsHardening,
} from "./hardening-spec.js";
import { DEFAULT_NAMESPACES, isNamespaceKind, type NamespaceKind, sortNamespaces } from "./namespaces.js";
import { normalizeUserns, type UsernsMapping, type UsernsOptions } from "./userns-mapping.js";

/**
 * How the container's root directory is switched. "chroot" changes the root of the container's processes
 * only (what the course's scripts do; a root process inside can escape it). "pivot_root" swaps the root
 * mount of the container's mount namespace and detaches the host's, as runc does: nothing of the host stays
 * reachable. pivot_root needs the mount namespace.
 */
export type RootSwitch = "chroot" | "pivot_root";

/** A container, fully decided: every default applied and every value checked. Stored in its state file. */
export interface ContainerSpec {
  /**
   * "bridge": the container gets eth0 on the host's bridge nsbook0 (a veth pair, an address, a default route),
   * set up by the network extension (container/extensions.ts) once its network namespace exists. Absent: no network set up.
   */
  network?: "bridge";
  /** With network "bridge": which bridge and subnet, as the caller gave them (the network extension validates them). */
  bridge?: BridgeChoice;
  name: string;
  /** Absolute host directory of the root filesystem. */
  rootfs: string;
  /** Namespaces the container gets, in a fixed order. Empty: chroot only (step 1 of the course). */
  namespaces: NamespaceKind[];
  /** Hostname set inside before the command runs (needs the uts namespace). */
  hostname?: string;
  /** The container's main process: argv, looked up on the container's PATH. */
  command: string[];
  /** The whole environment of the container's processes (nothing is inherited from the host). */
  env: Record<string, string>;
  /** Working directory inside the container (absolute). */
  workdir: string;
  rootSwitch: RootSwitch;
  /** Mount a fresh proc at /proc inside (needs the mount namespace; with the pid namespace it shows only the container). */
  mountProc: boolean;
  /**
   * Mount a small /dev inside (a tmpfs with the host's null, zero, full, random, urandom and tty bound in), for
   * root filesystems without device nodes: without /dev/null, even a background job (`cmd &`) fails in ash.
   */
  mountDev: boolean;
  /**
   * Resource limits (memory, cpu, pids), handed to the resources extension (the cgroups: container/extensions.ts),
   * which puts the container's first process in its cgroups before it executes anything. Stored as the caller gave
   * it; the extension validates it.
   */
  resources?: ResourceLimitsInput;
  /**
   * Root inside is this unprivileged host user (a user namespace even when started by root; "user" is then in
   * `namespaces`). Absent: no mapping of nsbook's own (rootless mode maps the caller's uid).
   */
  userns?: UsernsMapping;
  /** Capabilities dropped from every set of the container's processes (normalized names, or ["ALL"]); pivot_root only. */
  capDrop?: string[];
  /** Masked and read-only /proc paths, no_new_privs (see {@link HardeningOptions}); pivot_root only. */
  hardening?: HardeningSpec;
  /**
   * The root is an overlay: the rootfs (and committed layers) read-only below, a per-container upper layer on
   * top, mounted inside the container's mount namespace at `overlay.mergedDir` (decided by planContainer).
   */
  overlay?: OverlaySpec;
}

/** What a caller may say about a container; everything is optional. */
export interface ContainerOptions {
  /**
   * "none": only the loopback interface of its own network namespace (down), as in the course. "bridge": eth0
   * on the host's bridge nsbook0 with an address of 10.213.0.0/24 and a default route via the bridge, so
   * containers reach each other and the host's bridge address (never beyond: nsbook sets up no NAT). Needs the
   * net namespace, root, and a detached container. @default "none"
   */
  network?: "none" | "bridge";
  /**
   * With network "bridge": the bridge's name (starting with "nsb", at most 15 characters) and its subnet (a
   * private range no real network of the host uses; the bridge gets its first address).
   * @default { name: "nsbook0", subnet: "10.213.0.0/24" }
   */
  bridge?: BridgeChoice;
  /** Name, validated by {@link validateContainerName}. @default a fresh "nsb-xxxxxx" */
  name?: string;
  /** Root filesystem: a name under `<dataDir>/rootfs/` or a directory path. @default "busybox" (the offline default) */
  rootfs?: string;
  /** Namespaces to create. `user` is added in rootless mode. @default ["pid", "mount", "uts", "ipc", "net"] */
  namespaces?: readonly NamespaceKind[];
  /** Hostname inside (needs "uts"). @default the container's name when it has a uts namespace */
  hostname?: string;
  /** The main process. @default ["sleep", "infinity"] for a detached container, ["/bin/sh"] for a one-shot run */
  command?: readonly string[];
  /** Extra environment variables, added to (or replacing) PATH, HOME, HOSTNAME, TERM and container=nsbook. @default {} */
  env?: Readonly<Record<string, string>>;
  /** Working directory inside. @default "/" */
  workdir?: string;
  /** chroot (the course's way) or pivot_root (runc's way). @default "chroot" */
  rootSwitch?: RootSwitch;
  /** Mount proc at /proc inside. @default true when the container has a mount namespace */
  mountProc?: boolean;
  /** Mount a minimal /dev (needs the mount namespace). @default true when the rootfs has no /dev/null device and the container has a mount namespace */
  mountDev?: boolean;
  /**
   * Resource limits in human units, e.g. `{ memory: "100M", cpus: 0.5, pids: 64 }` (see {@link ResourceLimitsInput}):
   * the container's processes run in cgroups with these limits from their first instruction, and an OOM kill is
   * reported as exit code 137. Needs root. `{}` gives cgroups without limits (usage can still be read).
   * @default none (no cgroups)
   */
  resources?: ResourceLimitsInput;
  /**
   * Add a user namespace in which root is an unprivileged host user, even when nsbook runs as root: `true` maps
   * uid/gid 0 inside to 65534 (nobody/nogroup) outside, `{ hostUid, hostGid }` to other IDs. Processes inside
   * have every capability over the container's own namespaces and none over the host's. Like the rootless mode,
   * /proc is then mounted only with a pid namespace. Rootless, the container already has a user namespace
   * mapping your own uid: `true` is accepted as it is, another hostUid than yours is refused.
   * @default false
   */
  userns?: boolean | UsernsOptions;
  /**
   * Capabilities to drop, as `docker run --cap-drop`: names from capabilities(7) with or without CAP_, or "ALL".
   * They leave the bounding, inheritable, ambient, permitted and effective sets of the container's init (and so of
   * everything it starts); then e.g. mount and sethostname fail with EPERM. Needs pivot_root (the default then).
   * Commands started later with `exec` (nsenter) do not get the drop. @default [] (root keeps every capability)
   */
  capDrop?: readonly string[];
  /** runc's masked and read-only paths and no_new_privs. Needs pivot_root (the default then). @default none */
  hardening?: HardeningOptions;
  /**
   * Run on an overlay instead of the rootfs itself: the rootfs becomes a read-only lower layer, writes land in a
   * per-container upper layer (deleted with the container unless kept), and committed layers can be stacked on
   * top (see {@link OverlayOptions}). Needs the mount namespace; the mount exists only inside the container.
   * @default false
   */
  overlay?: boolean | OverlayOptions;
}

/** Which bridge a container on a bridge network joins. */
export interface BridgeChoice {
  /** @default "nsbook0" */
  name?: string;
  /** @default "10.213.0.0/24" */
  subnet?: string;
}

/** The PATH inside a container: Debian's default for root. */
export const CONTAINER_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

const HOSTNAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

function noNul(option: string, value: string): string {
  if (value.includes("\0")) throw invalidOption(option, value, "contains a NUL byte");
  return value;
}

function validateCommand(command: unknown, option = "command"): string[] {
  if (
    !Array.isArray(command) ||
    command.length === 0 ||
    typeof command[0] !== "string" ||
    command[0] === ""
  ) {
    throw invalidOption(option, command, 'must be a non-empty array of strings, e.g. ["ls", "-l", "/"]');
  }
  return command.map((a, i) => {
    if (typeof a !== "string") throw invalidOption(`${option}[${i}]`, a, "must be a string");
    return noNul(`${option}[${i}]`, a);
  });
}

/** Checks an argv for a container process; throws a user-facing error naming `option`. */
export function validateArgv(argv: unknown, option: string): string[] {
  return validateCommand(argv, option);
}

/** Checks environment variables (names like C identifiers, values without NUL). */
export function validateEnv(env: unknown, option = "env"): Record<string, string> {
  if (env === undefined) return {};
  if (typeof env !== "object" || env === null || Array.isArray(env)) {
    throw invalidOption(option, env, 'must be an object of strings, e.g. { GREETING: "hello" }');
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (!ENV_NAME_RE.test(k))
      throw invalidOption(`${option} name`, k, "is not a valid variable name (letters, digits, _)");
    if (typeof v !== "string") throw invalidOption(`${option}.${k}`, v, "must be a string");
    out[k] = noNul(`${option}.${k}`, v);
  }
  return out;
}

/** Checks an absolute path inside the container and normalizes it ("/a/./b/" -> "/a/b"). */
export function validateContainerPath(path: unknown, option: string): string {
  if (typeof path !== "string" || !path.startsWith("/")) {
    throw invalidOption(option, path, 'must be an absolute path inside the container, e.g. "/" or "/tmp"');
  }
  noNul(option, path);
  if (path.split("/").includes("..")) throw invalidOption(option, path, 'must not contain ".."');
  return posix.normalize(path);
}

function validateNamespaces(value: unknown): NamespaceKind[] {
  if (value === undefined) return [...DEFAULT_NAMESPACES];
  if (!Array.isArray(value))
    throw invalidOption("namespaces", value, 'must be an array such as ["pid", "mount", "uts"]');
  for (const k of value) {
    if (!isNamespaceKind(k)) {
      throw invalidOption(
        "namespaces",
        k,
        "is not a namespace: use pid, mount, uts, ipc, net, user or cgroup",
      );
    }
  }
  return sortNamespaces(value as NamespaceKind[]);
}

/** The environment a container starts with, before the caller's additions. */
export function baseEnv(hostname: string | undefined, hostTerm: string | undefined): Record<string, string> {
  const env: Record<string, string> = { PATH: CONTAINER_PATH, HOME: "/root", container: "nsbook" };
  if (hostname) env.HOSTNAME = hostname;
  if (hostTerm) env.TERM = hostTerm;
  return env;
}

/** What {@link normalizeSpec} knows about the resolved root filesystem. */
export interface RootfsFacts {
  /** Absolute host directory. */
  dir: string;
  /** True when its /dev/null is a character device (no /dev needs mounting). */
  hasDevices: boolean;
}

/**
 * Applies defaults to `options` and checks every value, before anything touches the kernel. `rootfs` is the
 * already resolved directory (or the facts about it); `defaultCommand` depends on the operation (detached or
 * one-shot). Pure.
 */
export function normalizeSpec(
  options: ContainerOptions,
  rootfsOrFacts: string | RootfsFacts,
  defaultCommand: readonly string[],
  hostTerm: string | undefined = process.env.TERM,
): ContainerSpec {
  const facts = typeof rootfsOrFacts === "string" ? { dir: rootfsOrFacts, hasDevices: true } : rootfsOrFacts;
  const rootfs = facts.dir;
  const name = options.name === undefined ? generateContainerName() : validateContainerName(options.name);
  const userns = normalizeUserns(options.userns);
  const namespaces = sortNamespaces([
    ...validateNamespaces(options.namespaces),
    ...(userns ? (["user"] as const) : []),
  ]);
  const has = (k: NamespaceKind) => namespaces.includes(k);
  let hostname: string | undefined;
  if (options.hostname !== undefined) {
    if (typeof options.hostname !== "string" || !HOSTNAME_RE.test(options.hostname)) {
      throw invalidOption(
        "hostname",
        options.hostname,
        "is not a valid hostname (1-64 of A-Z, a-z, 0-9, _ . -)",
      );
    }
    if (!has("uts")) {
      throw new ContainerError(
        "invalid-option",
        `hostname: setting ${JSON.stringify(options.hostname)} needs the uts namespace (without it the host itself would be renamed): add "uts" to namespaces`,
      );
    }
    hostname = options.hostname;
  } else if (has("uts")) {
    hostname = name;
  }
  const rootSwitch = options.rootSwitch ?? (wantsHardening(options) ? "pivot_root" : "chroot");
  if (rootSwitch !== "chroot" && rootSwitch !== "pivot_root") {
    throw invalidOption("rootSwitch", rootSwitch, 'must be "chroot" or "pivot_root"');
  }
  if (rootSwitch === "pivot_root" && !has("mount")) {
    throw new ContainerError(
      "invalid-option",
      'rootSwitch: "pivot_root" swaps the root mount, which needs the mount namespace: add "mount" to namespaces or use "chroot"',
    );
  }
  const mountProc = options.mountProc ?? has("mount");
  if (typeof mountProc !== "boolean") throw invalidOption("mountProc", mountProc, "must be true or false");
  if (mountProc && !has("mount")) {
    throw new ContainerError(
      "invalid-option",
      'mountProc: mounting /proc needs the mount namespace (without it the mount would land on the host): add "mount" to namespaces or set mountProc: false',
    );
  }
  if (userns && mountProc && !has("pid")) {
    throw new ContainerError(
      "invalid-option",
      'userns: in a user namespace the kernel mounts /proc only together with a pid namespace: add "pid" to namespaces or set mountProc: false',
    );
  }
  const mountDev = options.mountDev ?? (has("mount") && !facts.hasDevices);
  if (typeof mountDev !== "boolean") throw invalidOption("mountDev", mountDev, "must be true or false");
  if (mountDev && !has("mount")) {
    throw new ContainerError(
      "invalid-option",
      'mountDev: mounting /dev needs the mount namespace (without it the mount would land on the host): add "mount" to namespaces or set mountDev: false',
    );
  }
  const env = { ...baseEnv(hostname, hostTerm), ...validateEnv(options.env) };
  const network = options.network ?? "none";
  if (network !== "none" && network !== "bridge")
    throw invalidOption("network", network, 'must be "none" or "bridge"');
  // The bridge's name and subnet are checked now, before any process exists (the network extension checks again).
  if (network === "bridge" && options.bridge !== undefined) {
    resolveBridgeOptions({ bridge: options.bridge.name, subnet: options.bridge.subnet });
  }
  if (network === "bridge" && !has("net")) {
    throw new ContainerError(
      "invalid-option",
      'network: "bridge" moves an interface into the container\'s own network namespace: add "net" to namespaces',
    );
  }
  return {
    name,
    rootfs,
    namespaces,
    ...(hostname === undefined ? {} : { hostname }),
    command: validateCommand(options.command ?? defaultCommand),
    env,
    workdir: options.workdir === undefined ? "/" : validateContainerPath(options.workdir, "workdir"),
    rootSwitch,
    mountProc,
    mountDev,
    ...(options.resources === undefined ? {} : { resources: options.resources }),
    ...(network === "bridge" ? { network } : {}),
    ...(network === "bridge" && options.bridge !== undefined ? { bridge: { ...options.bridge } } : {}),
    ...(userns ? { userns } : {}),
    ...normalizeHardening(options, rootSwitch, namespaces),
  };
}

/** A container's state.json as container/ reads and writes it: the stored state with the whole spec. */
export type ContainerState = StoredContainerState<ContainerSpec>;
