import { describe, expect, it } from "vitest";
import { parseMountInfo, parseMountInfoLine } from "../../../src/lib/proc/index.js";

const HYBRID = `22 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda rw
25 22 0:21 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755
26 25 0:22 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime shared:10 - cgroup2 cgroup2 rw,nsdelegate
30 25 0:26 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:14 - cgroup cgroup rw,memory
41 22 0:40 / /mnt/with\\040space rw master:3 - tmpfs none rw
42 22 0:41 / /mnt/both rw shared:5 master:3 - tmpfs none rw
43 22 0:42 / /mnt/unb rw unbindable - tmpfs none rw
44 22 0:43 / /proc rw,nosuid - proc proc rw`;

describe("parseMountInfo", () => {
  it("reads mount point, fs type, source and super options", () => {
    const m = parseMountInfo(HYBRID);
    expect(m).toHaveLength(8);
    const mem = m.find((e) => e.mountPoint === "/sys/fs/cgroup/memory");
    expect(mem).toMatchObject({
      fsType: "cgroup",
      superOptions: ["rw", "memory"],
      mountId: 30,
      parentId: 25,
    });
  });

  it("tells shared, slave, shared+slave, unbindable and private propagation apart", () => {
    const byPoint = Object.fromEntries(parseMountInfo(HYBRID).map((e) => [e.mountPoint, e]));
    expect(byPoint["/"]).toMatchObject({ propagation: "shared", sharedGroup: 1 });
    expect(byPoint["/mnt/with space"]).toMatchObject({ propagation: "slave", masterGroup: 3 });
    expect(byPoint["/mnt/both"]).toMatchObject({
      propagation: "shared+slave",
      sharedGroup: 5,
      masterGroup: 3,
    });
    expect(byPoint["/mnt/unb"]?.propagation).toBe("unbindable");
    expect(byPoint["/proc"]?.propagation).toBe("private");
  });

  it("unescapes octal escapes in paths", () => {
    expect(parseMountInfo(HYBRID).some((e) => e.mountPoint === "/mnt/with space")).toBe(true);
  });

  it("rejects a line that is not mountinfo, naming it", () => {
    expect(() => parseMountInfoLine("garbage here")).toThrow(/not a mountinfo line: "garbage here"/);
  });
});
