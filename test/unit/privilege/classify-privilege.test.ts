import { describe, expect, it } from "vitest";
import {
  type CommandOutcome,
  classifyPrivilege,
  hasSysAdminCap,
  type PrivilegeFacts,
} from "../../../src/lib/privilege/index.js";

const ok = (command: string): CommandOutcome => ({
  command,
  argv: command.split(" "),
  ok: true,
  exitCode: 0,
  stderr: "",
});
const failed = (command: string, stderr: string, exitCode = 1): CommandOutcome => ({
  command,
  argv: command.split(" "),
  ok: false,
  exitCode,
  stderr,
});

const SUDO_REFUSED = failed("sudo -n true", "sudo: a password is required");
const USERNS_OK = ok("unshare --user --map-root-user true");
const UBUNTU_USERNS = failed(
  "unshare --user --map-root-user true",
  "unshare: write failed /proc/self/uid_map: Operation not permitted",
);
const DEBIAN_USERNS = failed(
  "unshare --user --map-root-user true",
  "unshare: unshare failed: Operation not permitted",
);

/** CapEff of a full root (this project's VM) and of Docker's default set (no CAP_SYS_ADMIN). */
const FULL_CAPS = "000001ffffffffff";
const DOCKER_DEFAULT_CAPS = "00000000a80425fb";

const facts = (over: Partial<PrivilegeFacts>): PrivilegeFacts => ({
  uid: 1000,
  sysctls: { maxUserNamespaces: "15000" },
  ...over,
});

describe("classifyPrivilege", () => {
  it("calls uid 0 root, and says every step can run", () => {
    const r = classifyPrivilege(facts({ uid: 0, userns: USERNS_OK, capEff: FULL_CAPS }));
    expect(r).toMatchObject({ mode: "root", hasSysAdmin: true, usernsWorks: true, sudoWorks: false });
    expect(r.detail).toBe("root: every step can run");
    expect(r.fix).toBeUndefined();
  });

  it("says a root without CAP_SYS_ADMIN is a container without privileges", () => {
    const r = classifyPrivilege(facts({ uid: 0, capEff: DOCKER_DEFAULT_CAPS }));
    expect(r).toMatchObject({ mode: "root", hasSysAdmin: false });
    expect(r.detail).toMatch(/without CAP_SYS_ADMIN/);
    expect(r.fix).toMatch(/--privileged --cgroupns=host/);
  });

  it("prefers passwordless sudo over rootless for a non-root user", () => {
    const r = classifyPrivilege(facts({ sudo: ok("sudo -n true"), userns: USERNS_OK }));
    expect(r).toMatchObject({ mode: "sudo", sudoWorks: true, usernsWorks: true });
    expect(r.detail).toMatch(/sudo -n/);
  });

  it("calls a user without sudo but with working user namespaces rootless", () => {
    const r = classifyPrivilege(facts({ uid: 1001, sudo: SUDO_REFUSED, userns: USERNS_OK }));
    expect(r).toMatchObject({ mode: "rootless", sudoWorks: false, usernsWorks: true });
    expect(r.detail).toBe("rootless: uid 1001, no passwordless sudo, unprivileged user namespaces work");
  });

  it("on Ubuntu 24.04 without sudo: none, with the AppArmor sysctl as the fix", () => {
    const r = classifyPrivilege(
      facts({
        sudo: SUDO_REFUSED,
        userns: UBUNTU_USERNS,
        sysctls: { apparmorRestrictUnprivilegedUserns: "1", maxUserNamespaces: "63590" },
      }),
    );
    expect(r.mode).toBe("none");
    expect(r.detail).toMatch(/write failed \/proc\/self\/uid_map/);
    expect(r.fix).toMatch(/^`sudo sysctl -w kernel\.apparmor_restrict_unprivileged_userns=0`/);
  });

  it("on old Debian without sudo: none, with unprivileged_userns_clone as the fix", () => {
    const r = classifyPrivilege(
      facts({ sudo: SUDO_REFUSED, userns: DEBIAN_USERNS, sysctls: { unprivilegedUsernsClone: "0" } }),
    );
    expect(r.mode).toBe("none");
    expect(r.fix).toMatch(/`sudo sysctl -w kernel\.unprivileged_userns_clone=1`/);
  });

  it("with no restriction to blame, asks for root", () => {
    const r = classifyPrivilege(
      facts({ sudo: SUDO_REFUSED, userns: failed("unshare --user --map-root-user true", "") }),
    );
    expect(r.mode).toBe("none");
    expect(r.fix).toMatch(/sudo nsbook/);
  });
});

describe("hasSysAdminCap", () => {
  it("reads bit 21 of CapEff", () => {
    expect(hasSysAdminCap(FULL_CAPS)).toBe(true);
    expect(hasSysAdminCap(DOCKER_DEFAULT_CAPS)).toBe(false);
    expect(hasSysAdminCap("0000000000200000")).toBe(true);
    expect(hasSysAdminCap("0000000000000000")).toBe(false);
  });

  it("is unknown without a readable value", () => {
    expect(hasSysAdminCap(undefined)).toBeUndefined();
    expect(hasSysAdminCap("zz")).toBeUndefined();
  });
});
