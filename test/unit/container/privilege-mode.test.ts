import { describe, expect, it } from "vitest";
import { applyPrivilege, normalizeSpec } from "../../../src/lib/container/index.js";
import { privilegePrefix, resolvePrivilege } from "../../../src/lib/privilege/index.js";

const spec = (options: Parameters<typeof normalizeSpec>[0]) =>
  normalizeSpec(options, "/r", ["true"], undefined);

describe("privilege modes", () => {
  it("adds the user namespace rootless: it is what makes the caller root inside", () => {
    expect(applyPrivilege(spec({ name: "a" }), "rootless").namespaces).toEqual([
      "user",
      "pid",
      "mount",
      "uts",
      "ipc",
      "net",
    ]);
  });

  it("leaves the spec alone as root and with sudo", () => {
    const s = spec({ name: "a" });
    expect(applyPrivilege(s, "root")).toBe(s);
    expect(applyPrivilege(s, "sudo")).toBe(s);
  });

  it("refuses resource limits rootless, up front, with the reason", () => {
    expect(() => applyPrivilege(spec({ name: "a", resources: { memory: "100M" } }), "rootless")).toThrow(
      /resource limits are not available rootless \(creating cgroups needs root/,
    );
  });

  it("refuses /proc without a pid namespace rootless (the kernel would refuse the mount)", () => {
    expect(() =>
      applyPrivilege(spec({ name: "a", namespaces: ["mount"], mountProc: true }), "rootless"),
    ).toThrow(/mounts \/proc only inside a pid namespace/);
  });

  it("prefixes host commands with sudo -n in sudo mode only", () => {
    expect(privilegePrefix("sudo")).toEqual(["sudo", "-n"]);
    expect(privilegePrefix("root")).toEqual([]);
    expect(privilegePrefix("rootless")).toEqual([]);
  });

  it("takes the mode it is given, and refuses none and unknown modes", async () => {
    await expect(resolvePrivilege("rootless")).resolves.toBe("rootless");
    await expect(resolvePrivilege("sudo")).resolves.toBe("sudo");
    await expect(resolvePrivilege("none")).rejects.toThrow(
      /containers cannot be created here.*nsbook doctor/,
    );
    await expect(resolvePrivilege("admin")).rejects.toThrow(/"admin" is not a mode/);
  });
});
