// `nsbook network`: the bridge and who holds which address, and (printed, never run) the NAT commands.
import { parseArgs } from "node:util";
import { formatCommand } from "../../lib/host/index.js";
import { readState } from "../../lib/index.js";
import { readRoutes } from "../../lib/inspect/index.js";
import {
  containerNetwork,
  isIpv4,
  natCommands,
  type PublishedPort,
  readBridge,
  readBridgePorts,
  readLeases,
  resolveBridgeOptions,
} from "../../lib/network/index.js";
import type { CliCommand } from "../command.js";
import { UsageError } from "../usage-error.js";
import { optionError } from "./run.js";

const USAGE = [
  "nsbook network [show] [--bridge NAME] [--subnet CIDR]",
  "nsbook network nat [--bridge NAME] [--subnet CIDR] [--out IFACE] [--publish HOSTPORT:CONTAINER:PORT]...",
].join("\n");

/**
 * Parses `--publish 8080:web:80` (CONTAINER a container name or an address) into its parts; a malformed
 * value is a usage error. Pure.
 */
export function parsePublish(value: string): { hostPort: number; container: string; containerPort: number } {
  const m = /^(\d{1,5}):([^:]+):(\d{1,5})$/.exec(value);
  if (!m)
    throw new UsageError(
      `--publish ${JSON.stringify(value)}: expected HOSTPORT:CONTAINER:PORT, e.g. 8080:web:80`,
      USAGE,
    );
  return { hostPort: Number(m[1]), container: m[2] as string, containerPort: Number(m[3]) };
}

async function show(bridge: string, subnet: string | undefined): Promise<number> {
  const config = resolveBridgeOptions({ bridge, subnet });
  const link = await readBridge(config.bridge);
  if (!link) {
    process.stdout.write(`no bridge ${config.bridge} (it exists while a container with --net bridge does)\n`);
    return 0;
  }
  const inet = link.addresses.filter((a) => a.family === "inet").map((a) => `${a.address}/${a.prefixLength}`);
  process.stdout.write(`bridge ${config.bridge}  ${link.up ? "up" : "down"}  ${inet.join(" ")}\n`);
  const ports = await readBridgePorts(config.bridge);
  process.stdout.write(`ports: ${ports.map((p) => p.name).join(" ") || "(none)"}\n`);
  const leases = Object.entries((await readLeases(config)).leases);
  for (const [address, owner] of leases) process.stdout.write(`  ${address.padEnd(16)} ${owner}\n`);
  return 0;
}

async function nat(values: {
  bridge?: string;
  subnet?: string;
  out?: string;
  publish?: string[];
}): Promise<number> {
  const config = resolveBridgeOptions({ bridge: values.bridge, subnet: values.subnet });
  const out =
    values.out ?? (await readRoutes("self")).find((r) => r.destination === "default")?.device ?? "eth0";
  const publish: PublishedPort[] = [];
  for (const p of values.publish ?? []) {
    const { hostPort, container, containerPort } = parsePublish(p);
    const address = isIpv4(container) ? container : containerNetwork(await readState(container))?.address;
    if (!address)
      throw new UsageError(`--publish: container "${container}" is not on a bridge network`, USAGE);
    publish.push({ hostPort, containerAddress: address, containerPort });
  }
  process.stdout.write(
    "# NOT RUN by nsbook: these change the host's firewall and sysctls. Read them; run them only on a machine\n" +
      "# where you may, as root, with nft installed.\n",
  );
  for (const step of natCommands({
    bridge: config.bridge,
    subnet: config.subnet,
    outInterface: out,
    publish,
  })) {
    process.stdout.write(`# ${step.what}\n${formatCommand(step.argv)}\n`);
  }
  return 0;
}

export const networkCommand: CliCommand = {
  name: "network",
  summary: "show the bridge nsbook0 and its address leases, or print (never run) the NAT commands",
  usage: USAGE,
  async run(args) {
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(args);
    } catch (e) {
      throw new UsageError(optionError(e), USAGE);
    }
    const { values, positionals } = parsed;
    const [sub = "show", ...rest] = positionals;
    if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`, USAGE);
    if (sub === "show") {
      if (values.out !== undefined || values.publish !== undefined) {
        throw new UsageError("--out and --publish belong to `nsbook network nat`", USAGE);
      }
      return show(values.bridge ?? "nsbook0", values.subnet);
    }
    if (sub === "nat") return nat(values);
    throw new UsageError(`unknown subcommand ${JSON.stringify(sub)}: use show or nat`, USAGE);
  },
};

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      bridge: { type: "string" },
      subnet: { type: "string" },
      out: { type: "string" },
      publish: { type: "string", short: "p", multiple: true },
    },
  });
}
