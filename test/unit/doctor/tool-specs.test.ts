import { describe, expect, it } from "vitest";
import { TOOL_SPECS, type ToolName } from "../../../src/lib/doctor/tool-specs.js";
import { versionAtLeast, versionParts } from "../../../src/lib/doctor/version.js";
import { DEBIAN_TOOLS } from "./doctor-facts.js";

const spec = (name: ToolName) => {
  const s = TOOL_SPECS.find((t) => t.name === name);
  if (!s) throw new Error(name);
  return s;
};

describe("tool version parsing", () => {
  it.each([
    ["unshare", "2.38.1"],
    ["mount", "2.38.1"],
    ["chroot", "9.1"],
    ["ip", "6.1.0"],
    ["busybox", "1.35.0"],
    ["tar", "1.34"],
    ["pivot_root", "2.38.1"],
    ["jupyter", "notebook 6.4.12"],
    ["chromium-headless-shell", "156.0.8078.108"],
  ] as const)("reads %s's version from what Debian 12 prints", (name, version) => {
    expect(spec(name).parseVersion(DEBIAN_TOOLS[name]?.versionOutput ?? "")).toBe(version);
  });

  it("reads older iproute2 snapshot versions and JupyterLab", () => {
    expect(spec("ip").parseVersion("ip utility, iproute2-ss200127")).toBe("200127");
    expect(spec("ip").parseVersion("ip utility, iproute2-5.15.0, libbpf 0.5.0")).toBe("5.15.0");
    expect(spec("jupyter").parseVersion("jupyterlab       : 4.2.5\nnotebook         : 7.2.2\n")).toBe(
      "jupyterlab 4.2.5, notebook 7.2.2",
    );
    expect(spec("jupyter").parseVersion("5.7.2\n")).toBe("jupyter_core 5.7.2");
  });

  it("names a Debian package for every tool", () => {
    for (const s of TOOL_SPECS) expect(s.debianPackage).toMatch(/^[a-z0-9.+-]+$/);
  });
});

describe("versionAtLeast", () => {
  it("compares numeric parts", () => {
    expect(versionAtLeast("2.38.1", "2.32")).toBe(true);
    expect(versionAtLeast("2.31.1", "2.32")).toBe(false);
    expect(versionAtLeast("20.19.0", "20.19.0")).toBe(true);
    expect(versionAtLeast("20.9.0", "20.19.0")).toBe(false);
    expect(versionAtLeast("6.1.0-56-amd64", "5.11")).toBe(true);
    expect(versionAtLeast("5.4.0-150-generic", "5.11")).toBe(false);
    expect(versionParts("v22.1.0")).toEqual([22, 1, 0]);
  });
});
