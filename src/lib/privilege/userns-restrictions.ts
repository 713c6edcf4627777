// Reading the sysctls distributions use to restrict unprivileged user namespaces, each with its exact fix.
import type { UsernsRestriction, UsernsSysctls } from "./types.js";

const persist = (sysctl: string, value: string): string =>
  `(to keep it after a reboot: \`echo ${sysctl}=${value} | sudo tee /etc/sysctl.d/60-nsbook-userns.conf\`)`;

function apparmor(value: string | undefined): UsernsRestriction {
  const sysctl = "kernel.apparmor_restrict_unprivileged_userns";
  const base = {
    id: "userns.apparmor" as const,
    sysctl,
    file: "/proc/sys/kernel/apparmor_restrict_unprivileged_userns",
  };
  if (value === undefined)
    return { ...base, active: false, detail: "not present (no Ubuntu AppArmor restriction)" };
  if (value.trim() !== "1")
    return { ...base, value, active: false, detail: `${sysctl}=${value.trim()}: not restricted` };
  return {
    ...base,
    value,
    active: true,
    detail:
      `${sysctl}=1 (Ubuntu 23.10+): unprivileged programs may create a user namespace but not map IDs in it ` +
      '("write failed /proc/self/uid_map: Operation not permitted"); root is not affected',
    fix: `\`sudo sysctl -w ${sysctl}=0\` ${persist(sysctl, "0")}, or run nsbook as root (sudo)`,
  };
}

function debianClone(value: string | undefined): UsernsRestriction {
  const sysctl = "kernel.unprivileged_userns_clone";
  const base = { id: "userns.clone" as const, sysctl, file: "/proc/sys/kernel/unprivileged_userns_clone" };
  if (value === undefined)
    return { ...base, active: false, detail: "not present (kernel without Debian's switch)" };
  if (value.trim() !== "0")
    return { ...base, value, active: false, detail: `${sysctl}=${value.trim()}: allowed` };
  return {
    ...base,
    value,
    active: true,
    detail: `${sysctl}=0 (Debian before 11): only root may create user namespaces ("unshare failed: Operation not permitted")`,
    fix: `\`sudo sysctl -w ${sysctl}=1\` ${persist(sysctl, "1")}, or run nsbook as root (sudo)`,
  };
}

function maxUserNamespaces(value: string | undefined): UsernsRestriction {
  const sysctl = "user.max_user_namespaces";
  const base = { id: "userns.max" as const, sysctl, file: "/proc/sys/user/max_user_namespaces" };
  if (value === undefined)
    return { ...base, active: false, detail: "not present (kernel without user namespaces?)" };
  if (value.trim() !== "0") return { ...base, value, active: false, detail: `${sysctl}=${value.trim()}` };
  return {
    ...base,
    value,
    active: true,
    detail: `${sysctl}=0: nobody, root included, may create user namespaces ("No space left on device")`,
    fix: `\`sudo sysctl -w ${sysctl}=15000\` ${persist(sysctl, "15000")}`,
  };
}

/** The three user-namespace sysctls, each with what its value means and, when it restricts, the fix. */
export function usernsRestrictionsOf(sysctls: UsernsSysctls): UsernsRestriction[] {
  return [
    apparmor(sysctls.apparmorRestrictUnprivilegedUserns),
    debianClone(sysctls.unprivilegedUsernsClone),
    maxUserNamespaces(sysctls.maxUserNamespaces),
  ];
}
