// The options of a container bridge network, their defaults in one place, checked before the kernel sees them.
import { invalidOption } from "../errors/index.js";
import { parseSubnet, type Subnet } from "./subnet.js";

/** The bridge nsbook creates on the host when none is named. */
export const DEFAULT_BRIDGE = "nsbook0";

/**
 * The subnet of the default bridge: a private range (RFC 1918) used only between the host's bridge and the
 * network namespaces nsbook creates; nothing routes it anywhere else.
 */
export const DEFAULT_SUBNET = "10.213.0.0/24";

/** Options of the bridge network (for {@link ensureBridge}, {@link attachToBridge} and the helpers around them). */
export interface BridgeOptions {
  /** Name of the bridge on the host (must start with "nsb", at most 15 characters). @default "nsbook0" */
  bridge?: string;
  /**
   * The subnet: the bridge gets its first address, containers the following ones. Use a private range that no
   * real network of this machine uses. @default "10.213.0.0/24"
   */
  subnet?: string;
}

/** {@link BridgeOptions} with defaults applied and the subnet parsed. */
export interface BridgeConfig {
  bridge: string;
  subnet: Subnet;
}

/** Interface names: at most 15 bytes (IFNAMSIZ - 1), and ours start with "nsb" so cleanup can find them. */
const BRIDGE_NAME_RE = /^nsb[a-z0-9_-]{1,12}$/;

/** Applies the defaults and checks every value. Pure. */
export function resolveBridgeOptions(options: BridgeOptions = {}): BridgeConfig {
  const bridge = options.bridge ?? DEFAULT_BRIDGE;
  if (typeof bridge !== "string" || !BRIDGE_NAME_RE.test(bridge)) {
    throw invalidOption(
      "bridge",
      bridge,
      'is not a bridge name nsbook may use: "nsb" followed by 1-12 of a-z 0-9 _ - (15 characters at most)',
    );
  }
  const cidr = options.subnet ?? DEFAULT_SUBNET;
  let subnet: Subnet;
  try {
    subnet = parseSubnet(String(cidr));
  } catch (e) {
    throw invalidOption("subnet", cidr, `is not usable: ${(e as Error).message}`);
  }
  return { bridge, subnet };
}
