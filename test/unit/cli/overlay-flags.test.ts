import { describe, expect, it } from "vitest";
import { overlayFromFlags } from "../../../src/cli/overlay-flags.js";
import { UsageError } from "../../../src/cli/usage-error.js";

describe("overlayFromFlags", () => {
  it("gives nothing without flags and every default for a bare --overlay", () => {
    expect(overlayFromFlags({}, "usage")).toBeUndefined();
    expect(overlayFromFlags({ overlay: true }, "usage")).toEqual({});
  });

  it("lets --keep-upper and --layer imply --overlay, keeping the layers' order (top first)", () => {
    expect(overlayFromFlags({ "keep-upper": true }, "usage")).toEqual({ keep: true });
    expect(overlayFromFlags({ layer: ["app", "tools"] }, "usage")).toEqual({ lowers: ["app", "tools"] });
  });

  it("calls an empty --layer a usage error", () => {
    expect(() => overlayFromFlags({ layer: [""] }, "usage")).toThrow(UsageError);
  });
});
