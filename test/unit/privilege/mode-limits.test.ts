import { describe, expect, it } from "vitest";
import { stepsUnavailableIn } from "../../../src/lib/privilege/index.js";

describe("stepsUnavailableIn", () => {
  it("lets root run every step", () => {
    expect(stepsUnavailableIn("root")).toEqual([]);
  });

  it("keeps sudo mode from cgroups (6): nsbook's own process writes the cgroup files", () => {
    const limits = stepsUnavailableIn("sudo");
    expect(limits.map((l) => l.step)).toEqual([6]);
    expect(limits[0]?.why).toMatch(/run nsbook itself as root/);
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
