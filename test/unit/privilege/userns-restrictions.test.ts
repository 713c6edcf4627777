import { describe, expect, it } from "vitest";
import { usernsRestrictionsOf } from "../../../src/lib/privilege/index.js";

const byId = (sysctls: Parameters<typeof usernsRestrictionsOf>[0], id: string) =>
  usernsRestrictionsOf(sysctls).find((r) => r.id === id);

describe("usernsRestrictionsOf", () => {
  it("always lists the three sysctls, absent ones as not present", () => {
    const all = usernsRestrictionsOf({});
    expect(all.map((r) => r.id)).toEqual(["userns.apparmor", "userns.clone", "userns.max"]);
    expect(all.every((r) => !r.active && r.value === undefined && /not present/.test(r.detail))).toBe(true);
  });

  it("flags Ubuntu's AppArmor restriction at 1 with the sysctl to turn it off and how to keep it off", () => {
    const r = byId({ apparmorRestrictUnprivilegedUserns: "1" }, "userns.apparmor");
    expect(r).toMatchObject({ active: true, file: "/proc/sys/kernel/apparmor_restrict_unprivileged_userns" });
    expect(r?.detail).toMatch(/uid_map: Operation not permitted/);
    expect(r?.fix).toMatch(
      /sudo sysctl -w kernel\.apparmor_restrict_unprivileged_userns=0.*\/etc\/sysctl\.d\/60-nsbook-userns\.conf/,
    );
    expect(byId({ apparmorRestrictUnprivilegedUserns: "0" }, "userns.apparmor")?.active).toBe(false);
  });

  it("flags Debian's unprivileged_userns_clone at 0", () => {
    const r = byId({ unprivilegedUsernsClone: "0\n" }, "userns.clone");
    expect(r?.active).toBe(true);
    expect(r?.fix).toMatch(/kernel\.unprivileged_userns_clone=1/);
    expect(byId({ unprivilegedUsernsClone: "1" }, "userns.clone")?.active).toBe(false);
  });

  it("flags max_user_namespaces at 0, which stops root too", () => {
    const r = byId({ maxUserNamespaces: "0" }, "userns.max");
    expect(r?.active).toBe(true);
    expect(r?.detail).toMatch(/root included/);
    expect(r?.fix).toMatch(/user\.max_user_namespaces=15000/);
    expect(byId({ maxUserNamespaces: "63590" }, "userns.max")).toMatchObject({
      active: false,
      value: "63590",
    });
  });
});
