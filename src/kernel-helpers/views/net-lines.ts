// Notebook 05's printed lines and its by-hand part: the original's `unshare --net` line, run as written.
import { localize } from "../i18n/index.js";

/** The line the start cell prints once the step-5 container runs. */
export function describeStarted(name: string, pid: number): string {
  return localize({
    en: `${name} is running; its init is host PID ${pid}`,
    ja: `${name} が動いています。init のホストでの PID は ${pid} です`,
  });
}

/** Interface names in `ip link` output ("1: lo: <LOOPBACK> ..." -> "lo"; "5: veth0@if4: ..." -> "veth0"). */
export function interfaceNames(ipLinkOutput: string): string[] {
  return [...ipLinkOutput.matchAll(/^\d+: ([^:@\s]+)[@:]/gm)].map((m) => m[1] as string);
}
