// `nsbook run --net bridge [--bridge NAME] [--subnet CIDR]`: the flags, and a foreground run on the bridge.
import { type BridgeChoice, type ContainerOptions, startContainer, stopContainer } from "../../lib/index.js";
import { exitStatusOf, withTerminalSignalsIgnored } from "../foreground.js";
import { badOption, UsageError } from "../usage-error.js";

/** The container options `--net`, `--bridge` and `--subnet` ask for; a bad combination is a usage error. */
export function networkFromFlags(
  values: { net?: string; bridge?: string; subnet?: string },
  usage: string,
): { network?: "none" | "bridge"; bridge?: BridgeChoice } {
  const net = values.net;
  if (net !== undefined && net !== "none" && net !== "bridge") {
    throw badOption(usage, { option: "--net", value: net, why: "expected none or bridge" });
  }
  if (net !== "bridge" && (values.bridge !== undefined || values.subnet !== undefined)) {
    throw new UsageError("--bridge and --subnet need --net bridge", usage);
  }
  if (net !== "bridge") return net === undefined ? {} : { network: net };
  const bridge: BridgeChoice = {};
  if (values.bridge !== undefined) bridge.name = values.bridge;
  if (values.subnet !== undefined) bridge.subnet = values.subnet;
  return { network: "bridge", ...(Object.keys(bridge).length > 0 ? { bridge } : {}) };
}

/**
 * A foreground run on the bridge: the network can only be set up once the container's namespace exists, so the
 * container starts detached (idle), the command runs in it like `exec` with this terminal, and the container is
 * removed afterwards, its veth and address with it. Resolves with the command's exit status.
 */
export async function runOnBridge(options: ContainerOptions): Promise<number> {
  const { command, ...rest } = options;
  const container = await startContainer({ ...rest, command: undefined });
  try {
    const result = await withTerminalSignalsIgnored(() =>
      container.exec(command ?? ["/bin/sh"], { stdio: "inherit" }),
    );
    return exitStatusOf(result.exitCode, result.signal);
  } finally {
    await stopContainer(container.name, { remove: true, timeoutMs: 0 });
  }
}
