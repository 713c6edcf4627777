// NAT and port publishing, as commands to read (nsbook never runs them: they change the host's firewall and
// would send the containers' traffic beyond the namespaces nsbook created). Pure.
import { NsbookError } from "../errors/index.js";
import { gatewayAddress, type Subnet } from "./subnet.js";

/** A port to publish: host port -> container address and port. */
export interface PublishedPort {
  hostPort: number;
  containerAddress: string;
  containerPort: number;
  /** @default "tcp" */
  protocol?: "tcp" | "udp";
}

/** One step of the recipe: what it does and the command, as argv. */
export interface NatStep {
  what: string;
  argv: string[];
}

/** Options for {@link natCommands}. */
export interface NatCommandOptions {
  bridge: string;
  subnet: Subnet;
  /** The host's interface towards the outside world, e.g. "eth0". */
  outInterface: string;
  /** Ports to publish. @default [] */
  publish?: readonly PublishedPort[];
}

function checkPort(port: number, what: string): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new NsbookError("invalid-port", `${what}: ${JSON.stringify(port)} is not a port number (1-65535)`, {
      userMistake: true,
    });
  }
}

/**
 * The commands Docker's bridge driver effectively runs, as nftables rules (iptables-nft would do the same):
 * enable forwarding, masquerade the subnet's traffic leaving by `outInterface`, and DNAT each published port.
 * Meant to be printed and read; running them changes the host's firewall and sysctls.
 */
export function natCommands(options: NatCommandOptions): NatStep[] {
  const { bridge, subnet, outInterface } = options;
  const steps: NatStep[] = [
    {
      what: "let the kernel forward packets between interfaces (off by default; bridge-local traffic does not need it)",
      argv: ["sysctl", "-w", "net.ipv4.ip_forward=1"],
    },
    { what: "a table and a NAT chain for nsbook", argv: ["nft", "add", "table", "ip", "nsbook"] },
    {
      what: "source NAT after routing",
      argv: [
        "nft",
        "add",
        "chain",
        "ip",
        "nsbook",
        "postrouting",
        "{ type nat hook postrouting priority 100 ; }",
      ],
    },
    {
      what: `masquerade: packets from ${subnet.cidr} leaving by ${outInterface} get the host's address`,
      argv: [
        "nft",
        "add",
        "rule",
        "ip",
        "nsbook",
        "postrouting",
        "ip",
        "saddr",
        subnet.cidr,
        "oifname",
        outInterface,
        "masquerade",
      ],
    },
  ];
  const ports = options.publish ?? [];
  if (ports.length > 0) {
    steps.push({
      what: "destination NAT before routing",
      argv: [
        "nft",
        "add",
        "chain",
        "ip",
        "nsbook",
        "prerouting",
        "{ type nat hook prerouting priority -100 ; }",
      ],
    });
  }
  for (const p of ports) {
    checkPort(p.hostPort, "hostPort");
    checkPort(p.containerPort, "containerPort");
    const proto = p.protocol ?? "tcp";
    steps.push({
      what: `publish: ${proto} to the host's port ${p.hostPort} goes to ${p.containerAddress}:${p.containerPort}`,
      argv: [
        "nft",
        "add",
        "rule",
        "ip",
        "nsbook",
        "prerouting",
        "iifname",
        "!=",
        bridge,
        proto,
        "dport",
        String(p.hostPort),
        "dnat",
        "to",
        `${p.containerAddress}:${p.containerPort}`,
      ],
    });
  }
  steps.push({
    what: `undo all of it (the containers still reach ${gatewayAddress(subnet)} and each other)`,
    argv: ["nft", "delete", "table", "ip", "nsbook"],
  });
  return steps;
}
