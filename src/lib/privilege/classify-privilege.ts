// The pure half of privilege detection: from what was tried and read to a mode.
import type { PrivilegeFacts, PrivilegeMode, PrivilegeReport } from "./types.js";
import { usernsRestrictionsOf } from "./userns-restrictions.js";

/** Bit 21 of the capability sets is CAP_SYS_ADMIN (linux/capability.h). */
const CAP_SYS_ADMIN = 21n;

/** True/false when CapEff (hex) is known: does it hold CAP_SYS_ADMIN? */
export function hasSysAdminCap(capEffHex: string | undefined): boolean | undefined {
  if (!capEffHex || !/^[0-9a-f]+$/i.test(capEffHex.trim())) return undefined;
  return ((BigInt(`0x${capEffHex.trim()}`) >> CAP_SYS_ADMIN) & 1n) === 1n;
}

function modeOf(facts: PrivilegeFacts): PrivilegeMode {
  if (facts.uid === 0) return "root";
  if (facts.sudo?.ok) return "sudo";
  if (facts.userns?.ok) return "rootless";
  return "none";
}

/** Decides the privilege mode and lists the user-namespace restrictions with their fixes. */
export function classifyPrivilege(facts: PrivilegeFacts): PrivilegeReport {
  const mode = modeOf(facts);
  const restrictions = usernsRestrictionsOf(facts.sysctls);
  const usernsWorks = facts.userns?.ok ?? false;
  const sudoWorks = facts.uid !== 0 && (facts.sudo?.ok ?? false);
  const hasSysAdmin = hasSysAdminCap(facts.capEff);
  const base = {
    mode,
    uid: facts.uid,
    sudoWorks,
    usernsWorks,
    restrictions,
    ...(hasSysAdmin !== undefined ? { hasSysAdmin } : {}),
    ...(facts.rootVia ? { rootVia: facts.rootVia } : {}),
    ...(facts.sudoUser ? { sudoUser: facts.sudoUser } : {}),
  };
  const active = restrictions.filter((r) => r.active);
  switch (mode) {
    case "root":
      return {
        ...base,
        detail:
          hasSysAdmin === false
            ? "root, but without CAP_SYS_ADMIN: a container started without privileges"
            : "root: every step can run",
        ...(hasSysAdmin === false
          ? { fix: "start the container with `--privileged --cgroupns=host`, or run nsbook on the host" }
          : {}),
      };
    case "sudo":
      return {
        ...base,
        detail: `uid ${facts.uid} with passwordless sudo: nsbook runs privileged commands through \`sudo -n\``,
      };
    case "rootless":
      return {
        ...base,
        detail: `rootless: uid ${facts.uid}, no passwordless sudo, unprivileged user namespaces work`,
        fix: "for the steps rootless cannot run, use nsbook as root (`sudo nsbook ...`)",
      };
    default: {
      const why = facts.userns?.stderr
        ? ` (\`${facts.userns.command}\`: ${facts.userns.stderr.split("\n")[0]})`
        : "";
      return {
        ...base,
        detail: `uid ${facts.uid} without sudo, and unprivileged user namespaces do not work${why}`,
        fix:
          active.length > 0
            ? active.map((r) => r.fix).join("; ")
            : "run nsbook as root (`sudo nsbook ...`; ask an administrator for sudo rights)",
      };
    }
  }
}
