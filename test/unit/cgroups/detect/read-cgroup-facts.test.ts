import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { detectCgroupsFromFacts, readCgroupFacts } from "../../../../src/lib/cgroups/detect/index.js";
import { formatCapture, parseCapture } from "../../../fixtures/hosts/capture-format.js";
import {
  type HostFixtureName,
  hostFixtureFiles,
  loadHostFixture,
} from "../../../fixtures/hosts/load-host-fixture.js";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Lays a captured host out as files below a fresh directory that stands for "/". */
function materialize(name: HostFixtureName): string {
  const root = mkdtempSync(join(tmpdir(), "nsbook-hostfs-"));
  made.push(root);
  for (const [path, text] of Object.entries(hostFixtureFiles(name))) {
    mkdirSync(join(root, dirname(path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("readCgroupFacts", () => {
  it.each(["pure-v2-delegated-leaf-vm", "pure-v2-ubuntu-systemd-user", "hybrid-v1-debian"] as const)(
    "reads back exactly the files detection needs from a copy of %s",
    async (name) => {
      const root = materialize(name);
      const expected = loadHostFixture(name);
      const facts = await readCgroupFacts({ root, uid: expected.uid, kernelRelease: expected.kernelRelease });
      expect(facts.mountinfo).toBe(expected.mountinfo);
      expect(facts.procSelfCgroup).toBe(expected.procSelfCgroup);
      expect(facts.files).toEqual(expected.files);
      expect(Object.keys(facts.dirAccess).sort()).toEqual(Object.keys(expected.dirAccess).sort());
    },
  );

  it("reports a caller directory that does not exist as missing", async () => {
    const root = materialize("pure-v2-ubuntu-systemd-user");
    const facts = await readCgroupFacts({ root });
    // The copy holds only files, so the scope's directory exists; the v1 host's caller dirs do not.
    expect(facts.dirAccess["/sys/fs/cgroup/user.slice/user-1000.slice/session-3.scope"]).toBe("writable");
    const v1 = await readCgroupFacts({ root: materialize("pure-v1-old-centos7") });
    expect(v1.dirAccess["/sys/fs/cgroup/memory/user.slice"]).toBe("missing");
    expect(detectCgroupsFromFacts(v1).controllers.find((c) => c.controller === "memory")?.problems).toEqual([
      "missing-dir",
    ]);
  });

  it("gives empty text, not an error, when /proc is not there", async () => {
    const root = mkdtempSync(join(tmpdir(), "nsbook-hostfs-"));
    made.push(root);
    const facts = await readCgroupFacts({ root });
    expect(facts).toMatchObject({ mountinfo: "", procSelfCgroup: "", files: {}, dirAccess: {} });
    expect(detectCgroupsFromFacts(facts).layout).toBe("none");
  });

  it("reads the live host without throwing and finds a layout", async () => {
    const facts = await readCgroupFacts();
    expect(facts.mountinfo).toMatch(/ - /);
    expect(facts.uid).toBe(process.geteuid?.());
  });
});

describe("capture format", () => {
  it("round-trips files, including empty ones and ones without a final newline", () => {
    const files = { "/a": "one\ntwo\n", "/b": "", "/c": "no newline", "/d": "\n" };
    const back = parseCapture(formatCapture(files));
    expect(back).toEqual({ "/a": "one\ntwo\n", "/b": "", "/c": "no newline\n", "/d": "\n" });
  });
});
