import { describe, expect, it } from "vitest";
import { namespaceFlags, parseNamespaceList, sortNamespaces } from "../../../src/lib/container/index.js";

describe("namespace lists", () => {
  it("parses a comma-separated list into a fixed order without duplicates", () => {
    expect(parseNamespaceList("net,pid, uts,pid")).toEqual(["pid", "uts", "net"]);
  });

  it("accepts mnt as another name for mount", () => {
    expect(parseNamespaceList("mnt")).toEqual(["mount"]);
  });

  it('reads "none" and an empty list as no namespace at all (chroot only)', () => {
    expect(parseNamespaceList("none")).toEqual([]);
    expect(parseNamespaceList("")).toEqual([]);
  });

  it("names the bad entry and the allowed ones when a kind is unknown", () => {
    expect(() => parseNamespaceList("pid,time")).toThrow(
      /"time" is not a namespace; use .*pid, mount, uts, ipc, net/,
    );
  });

  it("spells each kind as the flag unshare and nsenter both take", () => {
    expect(namespaceFlags(["net", "user", "mount", "cgroup"])).toEqual([
      "--user",
      "--mount",
      "--net",
      "--cgroup",
    ]);
    expect(sortNamespaces(["ipc", "pid"])).toEqual(["pid", "ipc"]);
  });
});
