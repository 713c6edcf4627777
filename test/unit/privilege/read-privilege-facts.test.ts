import { describe, expect, it } from "vitest";
import { classifyPrivilege, readPrivilegeFacts, tryCommand } from "../../../src/lib/privilege/index.js";

describe("tryCommand", () => {
  it("records a command that succeeds", async () => {
    expect(await tryCommand(["true"])).toEqual({
      command: "true",
      argv: ["true"],
      ok: true,
      exitCode: 0,
      stderr: "",
    });
  });

  it("records a failure with its stderr, without throwing", async () => {
    const r = await tryCommand(["sh", "-c", "echo nope >&2; exit 3"]);
    expect(r).toMatchObject({ ok: false, exitCode: 3, stderr: "nope" });
    expect(r.command).toBe("sh -c 'echo nope >&2; exit 3'");
  });

  it("says which package has a program that is not installed", async () => {
    const r = await tryCommand(["nsbook-no-such-program-xyz"]);
    expect(r.ok).toBe(false);
    expect(r.stderr).toMatch(/not found on PATH/);
  });
});

describe("readPrivilegeFacts on this machine", () => {
  it("reads the uid, tries a user namespace and reads max_user_namespaces", async () => {
    const facts = await readPrivilegeFacts();
    expect(facts.uid).toBe(process.geteuid?.());
    expect(facts.userns?.command).toBe("unshare --user --map-root-user true");
    expect(facts.sysctls.maxUserNamespaces).toMatch(/^\d+$/);
    expect(facts.capEff).toMatch(/^[0-9a-f]{16}$/);
    if (facts.uid === 0) expect(facts.sudo).toBeUndefined();
    else expect(facts.sudo?.command).toBe("sudo -n true");
    expect(["root", "sudo", "rootless", "none"]).toContain(classifyPrivilege(facts).mode);
  });
});
