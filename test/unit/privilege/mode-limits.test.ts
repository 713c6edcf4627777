import { describe, expect, it } from "vitest";
import { stepsUnavailableIn } from "../../../src/lib/privilege/index.js";

describe("stepsUnavailableIn", () => {
  it("lets root and sudo run every step", () => {
    expect(stepsUnavailableIn("root")).toEqual([]);
    expect(stepsUnavailableIn("sudo")).toEqual([]);
  });

  it("keeps rootless from cgroups (6) and the bridge network (8), saying why", () => {
    const limits = stepsUnavailableIn("rootless");
    expect(limits.map((l) => l.step)).toEqual([6, 8]);
    expect(limits[0]?.why).toMatch(/cgroups needs root/);
    expect(limits[1]?.why).toMatch(/CAP_NET_ADMIN in the host's network namespace/);
  });

  it("keeps a user with neither root nor user namespaces from every step", () => {
    expect(stepsUnavailableIn("none").map((l) => l.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});
