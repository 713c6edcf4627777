import { describe, expect, it } from "vitest";
import { diffMounts } from "../../../src/lib/inspect/index.js";
import { parseMountInfo } from "../../../src/lib/proc/index.js";
import { fixture } from "./fixture.js";

// mountinfo-private-ns.txt: `unshare --mount --propagation private`, then four tmpfs mounted inside on
// folders named with a space, a tab, a backslash and a newline. mountinfo-host.txt: the host at that time.
const host = parseMountInfo(fixture("mountinfo-host.txt"));
const inside = parseMountInfo(fixture("mountinfo-private-ns.txt"));

describe("diffMounts", () => {
  it("finds the mounts made inside, with their octal-escaped names decoded", () => {
    const diff = diffMounts(host, inside);
    const names = diff.onlyInside.map((m) => m.mountPoint.replace(/^\/tmp\/nsbook-capture\.[^/]+\//, ""));
    expect(names).toEqual(["with space", "tab\there", "back\\slash", "new\nline"]);
    expect(diff.onlyInside.every((m) => m.fsType === "tmpfs" && m.source === "nsbook-capture")).toBe(true);
    expect(diff.onlyOnHost).toEqual([]);
  });

  it("matches the copies made with the namespace although their mount IDs differ", () => {
    const diff = diffMounts(host, inside);
    expect(diff.inBoth).toHaveLength(host.length);
    const root = diff.inBoth.find((p) => p.host.mountPoint === "/");
    expect(root?.host.mountId).toBe(27);
    expect(root?.container.mountId).toBe(44);
  });

  it("shows the host's shared mount as private in the namespace made with --propagation private", () => {
    const row = diffMounts(host, inside).rows.find((r) => r.mountPoint === "/run/netns");
    expect(row).toEqual({
      mountPoint: "/run/netns",
      fsType: "ext4",
      source: "/dev/vda",
      where: "both",
      hostPropagation: "shared",
      containerPropagation: "private",
    });
  });

  it("tells a container's own /proc from the host's /proc at the same mount point by its device", () => {
    const container = parseMountInfo(
      [
        "300 299 254:0 /var/lib/nsbook/rootfs/busybox / rw,relatime - ext4 /dev/vda rw",
        "301 300 0:61 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw",
      ].join("\n"),
    );
    const diff = diffMounts(host, container);
    expect(diff.onlyInside.map((m) => m.mountPoint)).toEqual(["/", "/proc"]);
    expect(diff.onlyOnHost.map((m) => m.mountPoint)).toContain("/proc");
    expect(diff.rows.filter((r) => r.mountPoint === "/proc").map((r) => r.where)).toEqual(["inside", "host"]);
  });

  it("matches a mount point stacked twice copy for copy", () => {
    // The host mounts a devpts over /dev/pts twice; the container keeps only one of them.
    const container = inside.filter((m) => m.mountId !== 63);
    const diff = diffMounts(host, container);
    expect(diff.onlyOnHost.map((m) => [m.mountPoint, m.device])).toEqual([["/dev/pts", "0:26"]]);
    expect(diff.rows.filter((r) => r.mountPoint === "/dev/pts").map((r) => r.where)).toEqual([
      "both",
      "host",
    ]);
  });
});
