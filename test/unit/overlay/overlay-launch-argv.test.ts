import { describe, expect, it } from "vitest";
import {
  buildLaunchArgv,
  normalizeSpec,
  PREPARE_ROOT_MARKER,
  PREPARE_ROOT_SCRIPT,
} from "../../../src/lib/container/index.js";
import { OVERLAY_MARKER, OVERLAY_SCRIPT, overlayMountArgv } from "../../../src/lib/overlay/index.js";

const overlay = {
  lowers: ["/data/layers/app", "/data/rootfs/busybox"],
  upperDir: "/run/nsbook/web/overlay/upper",
  workDir: "/run/nsbook/web/overlay/work",
  mergedDir: "/run/nsbook/web/overlay/merged",
  keep: false,
};
const spec = (rootSwitch: "chroot" | "pivot_root" = "chroot") => ({
  ...normalizeSpec({ name: "web", rootSwitch }, "/data/rootfs/busybox", ["sleep", "infinity"], undefined),
  overlay,
});
const base = {
  mode: "root" as const,
  stateDir: "/run/nsbook/web",
  reportReady: true,
  dieWithLauncher: false,
};
const DATA =
  "lowerdir=/data/layers/app:/data/rootfs/busybox,upperdir=/run/nsbook/web/overlay/upper,workdir=/run/nsbook/web/overlay/work";

describe("overlay in the launch argv", () => {
  it("mounts the overlay in stage 1, before preparing the root, and roots stage 2 on the merged directory", () => {
    const { argv } = buildLaunchArgv(spec(), base);
    const at = argv.indexOf(OVERLAY_SCRIPT);
    expect(argv.slice(0, at - 2)).toEqual(["unshare", "--mount", "--uts", "--propagation", "private", "--"]);
    expect(argv.slice(at - 2, at + 4)).toEqual([
      "/bin/sh",
      "-c",
      OVERLAY_SCRIPT,
      OVERLAY_MARKER,
      DATA,
      overlay.mergedDir,
    ]);
    expect(argv.slice(at + 4, at + 9)).toEqual([
      "/bin/sh",
      "-c",
      PREPARE_ROOT_SCRIPT,
      PREPARE_ROOT_MARKER,
      overlay.mergedDir,
    ]);
    expect(argv).toContain(`--root=${overlay.mergedDir}`);
    expect(argv.join(" ")).not.toContain("--root=/data/rootfs/busybox");
  });

  it("pivots into the merged directory with pivot_root", () => {
    const { argv } = buildLaunchArgv(spec("pivot_root"), base);
    expect(argv.filter((a) => a === overlay.mergedDir).length).toBe(3);
    expect(argv).not.toContain("/data/rootfs/busybox");
  });

  it("passes every path as an argument: the script text is the same constant for any layout", () => {
    expect(OVERLAY_SCRIPT).not.toContain("/run/nsbook");
    expect(overlayMountArgv(undefined)).toEqual([]);
    expect(overlayMountArgv(overlay)[2]).toBe(OVERLAY_SCRIPT);
  });
});
