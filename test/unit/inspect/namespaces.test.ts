import { describe, expect, it } from "vitest";
import {
  compareNamespaceSets,
  NAMESPACE_LINKS,
  type NamespaceLink,
  type NamespaceSet,
  parseNamespaceLink,
} from "../../../src/lib/inspect/index.js";
import { fixture } from "./fixture.js";

// ns-links.txt: "<link> <readlink output>" for every link of a host shell.
function hostSet(): NamespaceSet {
  const set = {} as NamespaceSet;
  for (const line of fixture("ns-links.txt").trim().split("\n")) {
    const [link, target] = line.split(" ");
    set[link as NamespaceLink] = parseNamespaceLink(target ?? "");
  }
  return set;
}

describe("parseNamespaceLink", () => {
  it("reads the type and inode of every link a real process has", () => {
    const set = hostSet();
    expect(Object.keys(set).sort()).toEqual([...NAMESPACE_LINKS].sort());
    expect(set.net).toEqual({ type: "net", inode: 4026531833 });
    expect(set.pid_for_children).toEqual({ type: "pid", inode: 4026531836 });
    expect(set.time_for_children?.type).toBe("time");
  });

  it("rejects text that is not a namespace link, naming it", () => {
    expect(() => parseNamespaceLink("/proc/1/ns/net")).toThrow(
      /not a \/proc\/PID\/ns link target: "\/proc\/1\/ns\/net"/,
    );
    expect(() => parseNamespaceLink("net:[]")).toThrow(SyntaxError);
  });
});

describe("compareNamespaceSets", () => {
  it("marks the unshared namespaces different and the others shared", () => {
    const host = hostSet();
    const container: NamespaceSet = {
      ...host,
      pid: { type: "pid", inode: 4026532179 },
      pid_for_children: { type: "pid", inode: 4026532179 },
      mnt: { type: "mnt", inode: 4026532177 },
      uts: { type: "uts", inode: 4026532178 },
      net: { type: "net", inode: 4026532180 },
    };
    const rows = compareNamespaceSets(host, container);
    expect(rows.map((r) => r.link)).toEqual([...NAMESPACE_LINKS]);
    const relation = Object.fromEntries(rows.map((r) => [r.link, r.relation]));
    expect(relation).toMatchObject({
      pid: "different",
      mnt: "different",
      uts: "different",
      net: "different",
    });
    expect(relation).toMatchObject({ ipc: "shared", user: "shared", cgroup: "shared", time: "shared" });
    expect(rows.find((r) => r.link === "net")).toEqual({
      link: "net",
      hostInode: 4026531833,
      containerInode: 4026532180,
      relation: "different",
    });
  });

  it("says unknown when one side's link could not be read (a zombie keeps only pid and user)", () => {
    const host = hostSet();
    const zombie: NamespaceSet = { ...host, net: undefined, mnt: undefined };
    const relation = Object.fromEntries(compareNamespaceSets(host, zombie).map((r) => [r.link, r.relation]));
    expect(relation.net).toBe("unknown");
    expect(relation.mnt).toBe("unknown");
    expect(relation.pid).toBe("shared");
  });

  it("does not call two namespaces of different types the same even with equal numbers", () => {
    const host = hostSet();
    const odd: NamespaceSet = { ...host, uts: { type: "ipc", inode: host.uts?.inode ?? 0 } };
    expect(compareNamespaceSets(host, odd).find((r) => r.link === "uts")?.relation).toBe("different");
  });
});
