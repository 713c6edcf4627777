// Readers of a process's network namespace through iproute2: interfaces with addresses, and routes.
import { runHost } from "../host/index.js";
import { type NetworkInterface, parseIpAddrJson, parseIpRouteJson, type Route } from "./ip-json.js";
import { namespacePlan, nsenterArgv } from "./nsenter-argv.js";
import { type ProcessRef, validateProcessRef } from "./process-ref.js";

/** Options for the network readers. */
export interface ReadNetworkOptions {
  /** Aborting kills the `ip` command. */
  signal?: AbortSignal;
}

// Runs `ip ARGS` in pid's network namespace: directly when it is ours, else through nsenter --net with the
// host's `ip` (see nsenterArgv: no --mount/--root, the container's rootfs need not have iproute2).
async function ipIn(
  pid: ProcessRef,
  args: string[],
  what: string,
  options: ReadNetworkOptions,
): Promise<string> {
  validateProcessRef(pid, "pid");
  const command = ["ip", ...args];
  let argv = command;
  if (pid !== "self") {
    const plan = await namespacePlan(pid, "net");
    if (!plan.same) argv = nsenterArgv(pid, ["net"], command, plan.joinUser);
  }
  const r = await runHost(argv, { what: `${what} of process ${pid}`, signal: options.signal });
  return r.stdout;
}

/** Interfaces of `pid`'s network namespace with their addresses and kinds (`ip -d -j addr`). */
export async function readInterfaces(
  pid: ProcessRef,
  options: ReadNetworkOptions = {},
): Promise<NetworkInterface[]> {
  return parseIpAddrJson(await ipIn(pid, ["-d", "-j", "addr"], "list the network interfaces", options));
}

/** Main routing table of `pid`'s network namespace (`ip -j route`). */
export async function readRoutes(pid: ProcessRef, options: ReadNetworkOptions = {}): Promise<Route[]> {
  return parseIpRouteJson(await ipIn(pid, ["-j", "route"], "list the routes", options));
}
