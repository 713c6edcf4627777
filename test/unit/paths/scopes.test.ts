// Learners' scopes (pure parts): which scope a process is in, where its state goes, its cgroup names and bridge.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatContainerTable } from "../../../src/cli/commands/ps.js";
import { cgroupDirName } from "../../../src/lib/cgroups/index.js";
import { currentScope, parseScope, runDir, withScope } from "../../../src/lib/core/paths.js";
import { bridgeInScope, scopeBridgeName, scopeNetwork } from "../../../src/lib/network/index.js";

const saved = { ...process.env };
beforeEach(() => {
  process.env.NSBOOK_RUN_DIR = "/tmp/base";
  delete process.env.NSBOOK_SCOPE;
  delete process.env.SUDO_USER;
});
afterEach(() => {
  process.env = { ...saved };
});

describe("scopes", () => {
  it("parses LEARNER/SESSION and refuses anything that could leave its folder or blur a cgroup name", () => {
    expect(parseScope("alice/kernel-3f9a1c2d-1234")).toEqual({
      learner: "alice",
      session: "kernel-3f9a1c2d-1234",
    });
    for (const bad of ["alice", "alice/", "../x/y", "a.b/terminal", "alice/k/extra", "alice/.."])
      expect(() => parseScope(bad)).toThrow(/is not a scope: expected LEARNER\/SESSION/);
  });

  it("puts a kernel's state in its own folder, and withScope overrides the environment", async () => {
    expect(currentScope()).toBeUndefined();
    expect(runDir()).toBe("/tmp/base");
    process.env.NSBOOK_SCOPE = "alice/kernel-1-2";
    expect(runDir()).toBe("/tmp/base/@alice/kernel-1-2");
    expect(await withScope({ learner: "bob", session: "terminal" }, async () => runDir())).toBe(
      "/tmp/base/@bob/terminal",
    );
    expect(withScope(null, () => runDir())).toBe("/tmp/base");
  });

  it("gives a learner using sudo at a terminal their terminal scope (root only)", () => {
    process.env.SUDO_USER = "alice";
    const expected = process.getuid?.() === 0 ? { learner: "alice", session: "terminal" } : undefined;
    expect(currentScope()).toEqual(expected);
  });

  it("names cgroups per scope", () => {
    expect(cgroupDirName("web")).toBe("nsbook-web");
    withScope({ learner: "alice", session: "kernel-1-2" }, () => {
      expect(cgroupDirName("web")).toBe("nsbook-alice.kernel-1-2.web");
    });
  });

  it("gives the first scope nsbook0, later ones a bridge and a subnet of their own; nsbook0 means the scope's", async () => {
    const base = mkdtempSync(join(tmpdir(), "nsbook-scope-unit-"));
    process.env.NSBOOK_RUN_DIR = base;
    try {
      const alice = { learner: "alice", session: "kernel-1-2" };
      const bob = { learner: "bob", session: "kernel-3-4" };
      for (const s of [alice, bob])
        await import("node:fs/promises").then((fs) =>
          fs.mkdir(join(base, `@${s.learner}`, s.session), { recursive: true }),
        );
      expect(await withScope(alice, () => bridgeInScope("nsbook0"))).toBe("nsb-none");
      expect(await scopeNetwork(alice)).toEqual({ bridge: "nsbook0", subnet: "10.213.0.0/24" });
      expect(await scopeNetwork(bob)).toEqual({ bridge: scopeBridgeName(bob), subnet: "10.213.1.0/24" });
      expect(await scopeNetwork(alice)).toEqual({ bridge: "nsbook0", subnet: "10.213.0.0/24" });
      expect(await withScope(bob, () => bridgeInScope("nsbook0"))).toBe(scopeBridgeName(bob));
      expect(await withScope(bob, () => bridgeInScope("nsbmine"))).toBe("nsbmine");
      expect(scopeBridgeName(bob)).toMatch(/^nsb-[0-9a-f]{8}$/);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it("shows whose containers are in nsbook ps", () => {
    const table = formatContainerTable(
      [
        { name: "web", status: "running", namespaces: ["pid"], command: ["sleep"] },
        {
          name: "web",
          learner: "alice",
          session: "kernel-1-2",
          status: "running",
          namespaces: [],
          command: [],
        },
      ],
      Date.now(),
    );
    expect(table.split("\n")[0]).toMatch(/^LEARNER\s+SESSION\s+NAME/);
    expect(table).toMatch(/alice\s+kernel-1-2\s+web/);
    expect(formatContainerTable([{ name: "web", status: "running", namespaces: [], command: [] }])).toMatch(
      /^NAME/,
    );
  });
});
