// Everything the course puts side by side for one container: namespaces, hostname, processes, mounts, network.
import { NsbookError } from "../errors/index.js";
import type { MountInfoEntry } from "../proc/mountinfo.js";
import { compareNamespaceSets, type NamespaceComparison } from "./compare-namespaces.js";
import type { NetworkInterface, Route } from "./ip-json.js";
import { readAllProcesses } from "./list-processes.js";
import { diffMounts, type MountDiff } from "./mount-diff.js";
import { type NetDevEntry, readNetDev } from "./net-dev.js";
import { type PidNamespaceView, readPidNamespaceOf, viewFromPidNamespace } from "./pid-namespace-view.js";
import { type ProcessRef, validateProcessRef } from "./process-ref.js";
import { type ProcessSummary, summarizeProcessView } from "./process-summary.js";
import { readHostname } from "./read-hostname.js";
import { readMounts } from "./read-mounts.js";
import { readNamespaces } from "./read-namespaces.js";
import { readInterfaces, readRoutes } from "./read-network.js";

/** Options for {@link inspectContainerVsHost}. */
export interface InspectOptions {
  /** The process that stands for the host. @default "self" (the calling process) */
  hostPid?: ProcessRef;
  /** How many host processes to keep as examples next to the container's full list. @default 5 */
  hostProcessSample?: number;
  /** Aborting kills the nsenter/ip commands still running. */
  signal?: AbortSignal;
}

/** Host and container values of one aspect. */
export interface SideBySide<T> {
  host: T;
  container: T;
}

/** Everything the course compares between a container and its host. */
export interface ContainerVsHost {
  /** The container process inspected (its host PID). */
  containerPid: number;
  hostPid: ProcessRef;
  /** One row per /proc/PID/ns link. */
  namespaces: NamespaceComparison[];
  hostname: SideBySide<string>;
  processes: {
    /** The host's view, summarized (it has hundreds of processes). */
    host: ProcessSummary;
    /** Every process `ps` inside would show, with host PID and PID inside. */
    container: PidNamespaceView;
  };
  mounts: SideBySide<MountInfoEntry[]> & { diff: MountDiff };
  network: {
    interfaces: SideBySide<NetworkInterface[]>;
    routes: SideBySide<Route[]>;
    /** /proc/PID/net/dev of each side. */
    netDev: SideBySide<NetDevEntry[]>;
  };
}

/**
 * Inspects container process `containerPid` (its init's host PID, or any process inside) against the host,
 * reading /proc and running only the host's `nsenter`/`ip`/`uname` (root, or the owner of a rootless
 * container). Nothing in the container is changed and nothing runs with its root filesystem.
 */
export async function inspectContainerVsHost(
  containerPid: number,
  options: InspectOptions = {},
): Promise<ContainerVsHost> {
  if (validateProcessRef(containerPid, "containerPid") === "self") {
    throw new NsbookError("invalid-pid", 'containerPid must be the container\'s host PID, not "self"', {
      userMistake: true,
    });
  }
  const hostPid = validateProcessRef(options.hostPid ?? "self", "hostPid");
  const io = { signal: options.signal };
  const [
    hostNs,
    containerNs,
    hostPidNs,
    containerPidNs,
    all,
    hostHostname,
    containerHostname,
    hostMounts,
    containerMounts,
    hostInterfaces,
    containerInterfaces,
    hostRoutes,
    containerRoutes,
    hostNetDev,
    containerNetDev,
  ] = await Promise.all([
    readNamespaces(hostPid),
    readNamespaces(containerPid),
    readPidNamespaceOf(hostPid),
    readPidNamespaceOf(containerPid),
    readAllProcesses(),
    readHostname(hostPid, io),
    readHostname(containerPid, io),
    readMounts(hostPid),
    readMounts(containerPid),
    readInterfaces(hostPid, io),
    readInterfaces(containerPid, io),
    readRoutes(hostPid, io),
    readRoutes(containerPid, io),
    readNetDev(hostPid),
    readNetDev(containerPid),
  ]);
  return {
    containerPid,
    hostPid,
    namespaces: compareNamespaceSets(hostNs, containerNs),
    hostname: { host: hostHostname, container: containerHostname },
    processes: {
      host: summarizeProcessView(viewFromPidNamespace(all, hostPidNs), {
        sampleSize: options.hostProcessSample,
      }),
      container: viewFromPidNamespace(all, containerPidNs),
    },
    mounts: { host: hostMounts, container: containerMounts, diff: diffMounts(hostMounts, containerMounts) },
    network: {
      interfaces: { host: hostInterfaces, container: containerInterfaces },
      routes: { host: hostRoutes, container: containerRoutes },
      netDev: { host: hostNetDev, container: containerNetDev },
    },
  };
}
