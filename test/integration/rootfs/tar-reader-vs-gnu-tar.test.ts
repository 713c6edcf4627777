import { link, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runHost } from "../../../src/lib/host/index.js";
import { inspectTarball, type TarEntry, TarStreamParser } from "../../../src/lib/rootfs/index.js";
import { describeWhen, needTool } from "../../support/requirements.js";

/** Members of an archive as nsbook's reader sees them. */
async function ourEntries(file: string): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  const parser = new TarStreamParser((e) => entries.push(e));
  parser.write(await readFile(file));
  parser.end();
  return entries;
}

const utf8 = (raw: string): string => Buffer.from(raw, "latin1").toString("utf8");

describeWhen(needTool("tar"), "nsbook's tar reader agrees with GNU tar on archives GNU tar wrote", () => {
  let work: string;
  let src: string;
  const longDir = `${"long-directory-name-".repeat(4)}x`; // 81 bytes
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "nsbook-tar-compare-"));
    src = join(work, "src");
    await mkdir(join(src, "bin"), { recursive: true });
    await mkdir(join(src, longDir, "mid"), { recursive: true });
    await writeFile(join(src, "bin/busybox"), "elf", { mode: 0o755 });
    await symlink("/bin/busybox", join(src, "bin/sh"));
    await link(join(src, "bin/busybox"), join(src, "bin/hard"));
    await writeFile(join(src, "a file -> with arrow"), "x");
    await writeFile(join(src, "ünïcødé"), "x");
    // 122 bytes: over the 100 of a plain header, but ustar can split it into prefix + name.
    await writeFile(join(src, longDir, "mid", "file-at-the-end-of-a-long-path.txt"), "deep");
    await symlink(`/${longDir}/${longDir}/target`, join(src, "long-symlink"));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  for (const format of ["gnu", "posix", "ustar"] as const) {
    it(`reads the same names, types and link targets as \`tar --list\` (--format=${format})`, async () => {
      const file = join(work, `${format}.tar`);
      // ustar cannot store a link target over 100 bytes at all.
      const exclude = format === "ustar" ? ["--exclude=./long-symlink"] : [];
      await runHost(
        ["tar", "--create", `--format=${format}`, ...exclude, `--file=${file}`, "--directory", src, "."],
        {
          env: { LC_ALL: "C.UTF-8" },
        },
      );
      const listed = (
        await runHost(["tar", "--list", "--quoting-style=literal", `--file=${file}`], {
          env: { LC_ALL: "C.UTF-8" },
        })
      ).stdout
        .split("\n")
        .filter(Boolean);
      const ours = await ourEntries(file);
      expect(ours.map((e) => utf8(e.name))).toEqual(listed);
      const byName = new Map(ours.map((e) => [utf8(e.name), e]));
      expect(byName.get("./bin/sh")).toMatchObject({ type: "symlink", linkName: "/bin/busybox" });
      expect(
        byName.get("./bin/hard")?.type === "hardlink" || byName.get("./bin/busybox")?.type === "hardlink",
      ).toBe(true);
      if (format !== "ustar") {
        expect(utf8(byName.get("./long-symlink")?.linkName ?? "")).toBe(`/${longDir}/${longDir}/target`);
      }
      expect(byName.get(`./${longDir}/mid/file-at-the-end-of-a-long-path.txt`)).toMatchObject({
        type: "file",
        size: 4,
      });
      const inspection = await inspectTarball(file);
      expect(inspection.report.problems).toEqual([]);
    });
  }

  it("reads a name with a newline exactly, where `tar --list --verbose` output is ambiguous", async () => {
    const dir = join(work, "newline");
    await mkdir(dir);
    await writeFile(join(dir, "evil\n-rw-r--r-- root:root 0 2024-01-01 00:00 passwd"), "x");
    const file = join(work, "newline.tar");
    await runHost(["tar", "--create", `--file=${file}`, "--directory", dir, "."]);
    const names = (await ourEntries(file)).map((e) => e.name);
    expect(names).toContain("./evil\n-rw-r--r-- root:root 0 2024-01-01 00:00 passwd");
    expect(names).toHaveLength(2);
  });
});
