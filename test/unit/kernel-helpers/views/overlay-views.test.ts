import { describe, expect, it } from "vitest";
import { overlayOptionRows } from "../../../../src/kernel-helpers/index.js";

// /proc/self/mountinfo inside an nsbook overlay container, captured on Debian 12 (kernel 6.18).
const INSIDE = [
  "114 93 0:41 / / rw,relatime - overlay nsbook-overlay rw,lowerdir=/var/lib/nsbook/layers/app:" +
    "/var/lib/nsbook/rootfs/busybox,upperdir=/run/nsbook/web/overlay/upper," +
    "workdir=/run/nsbook/web/overlay/work,uuid=on",
  "116 114 0:45 / /proc rw,relatime - proc proc rw",
].join("\n");

describe("overlayOptionRows", () => {
  it("splits the overlay's options into one row per layer, top first", () => {
    expect(overlayOptionRows(INSIDE, "en")).toEqual([
      { option: "mount point (source)", value: "/  (nsbook-overlay)" },
      { option: "lowerdir 1 (top)", value: "/var/lib/nsbook/layers/app" },
      { option: "lowerdir 2 (bottom)", value: "/var/lib/nsbook/rootfs/busybox" },
      { option: "upperdir", value: "/run/nsbook/web/overlay/upper" },
      { option: "workdir", value: "/run/nsbook/web/overlay/work" },
    ]);
  });

  it("names a single lower layer plainly and finds nothing without an overlay", () => {
    const single = INSIDE.replace("/var/lib/nsbook/layers/app:", "");
    expect(overlayOptionRows(single, "ja")[1]).toEqual({
      option: "lowerdir",
      value: "/var/lib/nsbook/rootfs/busybox",
    });
    expect(overlayOptionRows("116 114 0:45 / /proc rw,relatime - proc proc rw", "en")).toEqual([]);
  });
});
