import { describe, expect, it } from "vitest";
import {
  checkTarEntries,
  normalizeMemberName,
  type TarEntry,
  TarFormatError,
  TarStreamParser,
} from "../../../src/lib/rootfs/index.js";
import {
  archiveWithDevices,
  hostileArchives,
  makeTar,
  type TarMemberSpec,
} from "../../support/tarballs/index.js";

function entriesOf(archive: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  const parser = new TarStreamParser((e) => entries.push(e));
  parser.write(archive);
  parser.end();
  return entries;
}

const check = (members: TarMemberSpec[]) => checkTarEntries(entriesOf(makeTar(members)));

describe("normalizeMemberName", () => {
  it("drops ./ and empty components and keeps the rest", () => {
    expect(normalizeMemberName("./bin//sh")).toEqual({ path: "bin/sh" });
    expect(normalizeMemberName("./")).toEqual({ path: "" });
    expect(normalizeMemberName("etc/./passwd/")).toEqual({ path: "etc/passwd" });
  });

  it("refuses absolute names and any '..' component", () => {
    expect(normalizeMemberName("/etc/passwd")).toEqual({ problem: "is an absolute path" });
    expect(normalizeMemberName("a/../b")).toHaveProperty("problem");
    expect(normalizeMemberName("..")).toHaveProperty("problem");
  });

  it("accepts names that merely contain dots", () => {
    expect(normalizeMemberName("./..hidden/...")).toEqual({ path: "..hidden/..." });
  });
});

describe("TarSafetyChecker: what a normal rootfs looks like passes", () => {
  it("accepts absolute symlink targets, hard links to earlier files and /tmp with the sticky bit", () => {
    const report = check([
      { name: "./", type: "dir" },
      { name: "./bin/", type: "dir" },
      { name: "./bin/busybox", data: "elf", mode: 0o755 },
      { name: "./bin/sh", type: "symlink", linkName: "/bin/busybox" },
      { name: "./lib/ld.so", type: "symlink", linkName: "../../../../lib/real" },
      { name: "./bin/ash", type: "hardlink", linkName: "bin/busybox" },
      { name: "./tmp/", type: "dir", mode: 0o1777 },
    ]);
    expect(report.problems).toEqual([]);
    expect(report.entryCount).toBe(7);
    expect(report.fileBytes).toBe(3);
  });

  it("accepts a symlink redefined as another symlink", () => {
    const report = check([
      { name: "./l", type: "symlink", linkName: "/a" },
      { name: "./l", type: "symlink", linkName: "/b" },
    ]);
    expect(report.problems).toEqual([]);
  });

  it("lists device nodes and fifos apart, without calling them unsafe", () => {
    const report = checkTarEntries(entriesOf(archiveWithDevices()));
    expect(report.problems).toEqual([]);
    expect(report.special.map((e) => [e.name, e.type])).toEqual([
      ["./dev/sda", "block"],
      ["./dev/null", "char"],
      ["./run/initctl", "fifo"],
    ]);
  });
});

describe("TarSafetyChecker: hostile archives are refused", () => {
  const archives = hostileArchives("/tmp/nsbook-outside");
  for (const [attack, archive] of Object.entries(archives)) {
    it(`refuses: ${attack}`, () => {
      let problems: unknown[];
      try {
        problems = checkTarEntries(entriesOf(archive)).problems;
      } catch (e) {
        // The reader itself may refuse before the checker sees anything (global pax path).
        expect(e).toBeInstanceOf(TarFormatError);
        return;
      }
      expect(problems.length).toBeGreaterThan(0);
    });
  }

  it("names the member and the symlink it goes through", () => {
    const report = check([
      { name: "./link", type: "symlink", linkName: "/etc" },
      { name: "./link/passwd", data: "root::0:0::/:/bin/sh\n" },
    ]);
    expect(report.problems).toEqual([
      {
        entry: '"./link/passwd"',
        reason: expect.stringMatching(/written through the symlink "link" \(-> "\/etc"\)/),
      },
    ]);
  });

  it("keeps refusing members under a path that was once a symlink, even after it became a directory", () => {
    const report = check([
      { name: "./d", type: "symlink", linkName: "/etc" },
      { name: "./d/", type: "dir" },
      { name: "./d/x", data: "x" },
    ]);
    expect(report.problems.map((p) => p.entry)).toEqual(['"./d/"', '"./d/x"']);
  });

  it("treats a hard link to a symlink as a symlink", () => {
    const report = check([
      { name: "./s", type: "symlink", linkName: "/" },
      { name: "./h", type: "hardlink", linkName: "s" },
      { name: "./h2", type: "hardlink", linkName: "h" },
      { name: "./h2/etc/x", data: "x" },
    ]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]?.reason).toMatch(/symlink "h2"/);
  });

  it("refuses a hard link to a directory", () => {
    const report = check([
      { name: "./d/", type: "dir" },
      { name: "./h", type: "hardlink", linkName: "d" },
    ]);
    expect(report.problems[0]?.reason).toMatch(/hard link to the directory/);
  });

  it("refuses a directory or link that claims to carry data", () => {
    const report = check([{ name: "./d/", type: "dir", declaredSize: 10 }]);
    expect(report.problems[0]?.reason).toMatch(/dir that claims 10 bytes of data/);
  });
});
