// Which directories may be scratch directories for mount experiments (everything below one is unmounted and
// deleted): only /tmp/nsbook-<name>.
import { describe, expect, it } from "vitest";
import { validateScratchDir } from "../../../src/lib/rootfs/index.js";

describe("validateScratchDir", () => {
  it("accepts only /tmp/nsbook-<name>", () => {
    expect(validateScratchDir("/tmp/nsbook-nb03-propagation")).toBe("/tmp/nsbook-nb03-propagation");
    for (const bad of ["/", "/tmp", "/tmp/nsbook-", "/tmp/other", "/tmp/nsbook-a/../..", "/var/nsbook-x"]) {
      expect(() => validateScratchDir(bad), bad).toThrow(/scratch directory must be/);
    }
  });
});
