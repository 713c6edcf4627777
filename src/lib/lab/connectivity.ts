// The connectivity matrix: every container pings every other container and the bridge, from inside.

import type { ContainerSpec } from "../container/container-spec.js";
import { execInContainer } from "../container/exec-in-container.js";
import { readState } from "../core/state.js";
import { NsbookError } from "../errors/index.js";
import { containerNetwork } from "../network/container-network.js";
import { parsePingOutput, pingArgv } from "../network/ping.js";

/** One thing to reach: a container's address, or the bridge's. */
export interface PingTarget {
  /** A container's name, or "bridge <name>". */
  label: string;
  address: string;
}

/** One cell: `from` pinged `to`. */
export interface PingCell {
  from: string;
  to: PingTarget;
  /** True when a reply came back. */
  reachable: boolean;
  /** Round-trip time, in ms, when a reply came. */
  rttMs?: number;
}

/** Rows are the containers that pinged; columns the targets. */
export interface ConnectivityMatrix {
  sources: string[];
  targets: PingTarget[];
  /** cells[i][j]: sources[i] to targets[j]; undefined where a container would ping itself. */
  cells: (PingCell | undefined)[][];
  /** True when every cell (self excepted) is reachable. */
  allReachable: boolean;
}

/** Options for {@link connectivityMatrix}. */
export interface ConnectivityOptions {
  /** Also ping the bridge's own address from each container. @default true */
  includeBridge?: boolean;
  /** How long one ping waits for its reply, in seconds. @default 1 */
  timeoutS?: number;
}

/**
 * From inside each of `containers` (running, on a bridge network), pings every other one's address and the
 * bridge's address with the container's own busybox `ping -c 1 -W 1`. Only addresses of namespaces nsbook
 * created are ever pinged. Rows run in parallel; the pings of a row one after another.
 */
export async function connectivityMatrix(
  containers: readonly string[],
  options: ConnectivityOptions = {},
): Promise<ConnectivityMatrix> {
  const states = await Promise.all(containers.map((name) => readState<ContainerSpec>(name)));
  const nets = states.map((s) => {
    const net = containerNetwork(s);
    if (!net) {
      throw new NsbookError(
        "not-on-bridge",
        `container "${s.name}" is not on a bridge network (start it with network: "bridge")`,
        { userMistake: true },
      );
    }
    return net;
  });
  const targets: PingTarget[] = states.map((s, i) => ({
    label: s.name,
    address: nets[i]?.address as string,
  }));
  const bridges = [...new Set(nets.map((n) => `${n.bridge} ${n.gateway}`))];
  if (options.includeBridge ?? true) {
    for (const b of bridges) {
      const [name, address] = b.split(" ") as [string, string];
      targets.push({ label: `bridge ${name}`, address });
    }
  }
  const cells = await Promise.all(
    states.map(async (from) => {
      const row: (PingCell | undefined)[] = [];
      for (const to of targets) {
        if (to.label === from.name) {
          row.push(undefined);
          continue;
        }
        const r = await execInContainer(from, pingArgv(to.address, options.timeoutS ?? 1), {
          timeoutMs: 10_000,
        });
        const ping = parsePingOutput(r.stdout);
        row.push({
          from: from.name,
          to,
          reachable: r.exitCode === 0 && ping.received > 0,
          ...(ping.rttMs === undefined ? {} : { rttMs: ping.rttMs }),
        });
      }
      return row;
    }),
  );
  return {
    sources: states.map((s) => s.name),
    targets,
    cells,
    allReachable: cells.every((row) => row.every((c) => c === undefined || c.reachable)),
  };
}
