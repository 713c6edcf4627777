// `nsbook network`: the bridge and who holds which address, and (printed, never run) the NAT commands.
import {
  containerNetwork,
  DEFAULT_BRIDGE,
  DEFAULT_SUBNET,
  formatCommand,
  isIpv4,
  natCommands,
  type PublishedPort,
  readBridge,
  readBridgePorts,
  readLeases,
  readRoutes,
  readState,
  resolveBridgeOptions,
} from "../../lib/index.js";
import type { CliCommand } from "../command.js";
import { type CommandGroup, type OptionSpec, parseCommandLine, subcommandOf, usageOf } from "../options.js";
import { badOption } from "../usage-error.js";

/** The bridge options both subcommands take. */
const BRIDGE_OPTIONS: readonly OptionSpec[] = [
  { name: "bridge", value: "NAME", default: DEFAULT_BRIDGE, help: "the bridge" },
  { name: "subnet", value: "CIDR", default: DEFAULT_SUBNET, help: "its subnet" },
];

/** `nsbook network`'s subcommands and their options, once: parsers and `--help` read these tables. */
export const NETWORK_SYNTAX: CommandGroup = {
  command: "nsbook network",
  defaultSubcommand: "show",
  subcommands: {
    show: {
      command: "nsbook network show",
      tail: "",
      maxWords: 0,
      options: BRIDGE_OPTIONS,
      notes: ["the bridge, its ports and who holds which address"],
    },
    nat: {
      command: "nsbook network nat",
      tail: "",
      maxWords: 0,
      options: [
        ...BRIDGE_OPTIONS,
        { name: "out", value: "IFACE", help: "the host's way out (default: the default route's device)" },
        {
          name: "publish",
          short: "p",
          value: "HOSTPORT:CONTAINER:PORT",
          multiple: true,
          help: "forward a host port to a container (its name or address) and port",
        },
      ],
      notes: ["prints, never runs, the nft and sysctl commands that give the bridge a way out"],
    },
  },
  notes: ["`nsbook network` alone is `nsbook network show`."],
};

const USAGE = usageOf(NETWORK_SYNTAX);

/**
 * Parses `--publish 8080:web:80` (CONTAINER a container name or an address) into its parts; a malformed
 * value is a usage error. Pure.
 */
export function parsePublish(value: string): { hostPort: number; container: string; containerPort: number } {
  const m = /^(\d{1,5}):([^:]+):(\d{1,5})$/.exec(value);
  if (!m)
    throw badOption(USAGE, {
      option: "--publish",
      value,
      why: "expected HOSTPORT:CONTAINER:PORT, e.g. 8080:web:80",
    });
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
      throw badOption(USAGE, {
        option: "--publish",
        value: p,
        why: `container "${container}" is not on a bridge network`,
        fix: "give a container started with --net bridge, or an address",
      });
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
  syntax: NETWORK_SYNTAX,
  async run(args) {
    const sub = subcommandOf(args, NETWORK_SYNTAX);
    const values = parseCommandLine(sub.args, sub.syntax).values as {
      bridge: string;
      subnet?: string;
      out?: string;
      publish?: string[];
    };
    return sub.name === "nat" ? nat(values) : show(values.bridge, values.subnet);
  },
};
