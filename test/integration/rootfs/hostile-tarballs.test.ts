import { lstat, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { runHost } from "../../../src/lib/host/index.js";
import { importRootfs, RootfsError } from "../../../src/lib/rootfs/index.js";
import { all, describeWhen, needRoot, needTool } from "../../support/requirements.js";
import {
  archiveWithDevices,
  ESCAPE_MARKER,
  gzip,
  hostileArchives,
  makeTar,
  type TarMemberSpec,
} from "../../support/tarballs/index.js";
import { namesIn, type TempHome, useTempHome } from "./temp-home.js";

describeWhen(
  all(needRoot(), needTool("tar")),
  "hostile tarballs (root: what a real extraction would have done)",
  () => {
    let t: TempHome;
    let outside: string;
    beforeEach(async () => {
      t = await useTempHome();
      outside = join(t.home, "outside");
      await mkdir(outside);
    });
    afterEach(async () => {
      await t.dispose();
    });

    async function importArchive(
      archive: Buffer,
      name = "hostile",
      extra: { specialFiles?: "skip" | "refuse" } = {},
    ) {
      const file = join(t.home, `${name}.tar.gz`);
      await writeFile(file, gzip(archive));
      return importRootfs({ name, from: file, ...extra });
    }

    // Built once with a placeholder so the names are known when tests are collected.
    for (const attack of Object.keys(hostileArchives("/x"))) {
      it(`prevents ${attack}: refused before extraction, nothing written inside or outside`, async () => {
        const archive = hostileArchives(outside)[attack] as Buffer;
        const error = await importArchive(archive).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(RootfsError);
        expect((error as Error).message).toMatch(/refusing to extract|not a usable tar archive/);
        expect(await namesIn(outside)).toEqual([]);
        expect(await namesIn(join(t.home, "rootfs"))).toEqual([]);
      });
    }

    it("the symlink fixture is a real attack: tar with --absolute-names writes through it to the outside", async () => {
      // Control experiment, so the tests above cannot pass vacuously. GNU tar defuses this archive by itself
      // (absolute symlinks become placeholders until the end) unless -P is given; nsbook never passes -P and
      // refuses such archives on its own anyway.
      const archive = hostileArchives(outside)["write through an absolute symlink"] as Buffer;
      const file = join(t.home, "control.tar");
      const into = join(t.home, "control");
      await writeFile(file, archive);
      await mkdir(into);
      await runHost(["tar", "--extract", "--absolute-names", `--file=${file}`, `--directory=${into}`], {
        allowFailure: true,
      });
      expect(await namesIn(outside)).toEqual([ESCAPE_MARKER]);
    });

    it("does not write its marker through a rootfs whose /etc is a symlink out of it", async () => {
      const r = await importArchive(
        makeTar([
          { name: "./bin/", type: "dir" },
          { name: "./bin/sh", data: "x", mode: 0o755 },
          { name: "./etc", type: "symlink", linkName: outside },
        ]),
        "etc-link",
      );
      expect(r.notes.join("\n")).toMatch(/its \/etc is not a directory, so nsbook could not mark it/);
      expect(await namesIn(outside)).toEqual([]);
    });

    it("skips device nodes and fifos with a note, and never creates them", async () => {
      const r = await importArchive(archiveWithDevices(), "devices");
      expect(r.notes).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/skipped the block device "\.\/dev\/sda"/),
          expect.stringMatching(/skipped the char device "\.\/dev\/null"/),
          expect.stringMatching(/skipped the fifo "\.\/run\/initctl"/),
        ]),
      );
      expect(await namesIn(join(r.dir, "dev"))).toEqual([]);
      expect(await namesIn(join(r.dir, "run"))).toEqual([]);
      expect(await readFile(join(r.dir, "etc/hostname"), "utf8")).toBe("devices\n");
    });

    it("refuses device nodes when asked to", async () => {
      await expect(
        importArchive(archiveWithDevices(), "devices", { specialFiles: "refuse" }),
      ).rejects.toThrow(/holds 3 device node\(s\) or fifo\(s\), e\.g\. "\.\/dev\/sda"/);
      expect(await namesIn(join(t.home, "rootfs"))).toEqual([]);
    });

    it("verifies --sha256 before extracting anything", async () => {
      const file = join(t.home, "ok.tar.gz");
      await writeFile(file, gzip(makeTar([{ name: "./bin/sh", data: "x", mode: 0o755 }])));
      await expect(importRootfs({ name: "ok", from: file, sha256: "1".repeat(64) })).rejects.toThrow(
        /checksum mismatch for .*ok\.tar\.gz: expected sha256 1{64}, got [0-9a-f]{64}\. The file is not the one you meant/,
      );
      expect(await namesIn(join(t.home, "rootfs"))).toEqual([]);
    });

    it("refuses xz and bzip2 archives with the command that decompresses them", async () => {
      const file = join(t.home, "rootfs.tar.xz");
      await writeFile(file, Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3]));
      await expect(importRootfs({ name: "xz", from: file })).rejects.toThrow(
        /is xz-compressed: .*`xz -dk .*rootfs\.tar\.xz`/,
      );
    });
  },
);

describeWhen(
  all(needRoot(), needTool("tar"), needTool("mount")),
  "a full disk while extracting (root: a tiny tmpfs)",
  () => {
    let t: TempHome;
    let mounted = false;
    beforeEach(async () => {
      t = await useTempHome();
    });
    afterEach(async () => {
      if (mounted) await runHost(["umount", join(t.home, "rootfs")]);
      mounted = false;
      await t.dispose();
    });

    async function smallDisk(options: string): Promise<void> {
      await mkdir(join(t.home, "rootfs"));
      await runHost(["mount", "-t", "tmpfs", "-o", options, "nsbook-test-small", join(t.home, "rootfs")]);
      mounted = true;
    }

    it("says there is not enough space before extracting when the files cannot fit", async () => {
      await smallDisk("size=1m");
      const file = join(t.home, "big.tar");
      await writeFile(file, makeTar([{ name: "./bin/sh", data: Buffer.alloc(4 * 2 ** 20, 1), mode: 0o755 }]));
      await expect(importRootfs({ name: "big", from: file })).rejects.toThrow(
        /not enough space to extract .*big\.tar .*: it needs about \d+ MiB, \d+ MiB are free\. Free some space/,
      );
      expect(await namesIn(join(t.home, "rootfs"))).toEqual([]);
    });

    it("recognises tar's 'No space left on device' (out of inodes) and removes the half-made rootfs", async () => {
      await smallDisk("size=8m,nr_inodes=40");
      const members: TarMemberSpec[] = [{ name: "./bin/sh", data: "x", mode: 0o755 }];
      for (let i = 0; i < 100; i++) members.push({ name: `./etc/file-${i}`, data: "x" });
      const file = join(t.home, "many.tar");
      await writeFile(file, makeTar(members));
      const error = await importRootfs({ name: "many", from: file }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RootfsError);
      expect((error as Error).message).toMatch(
        /^no space left on device while extracting .*many\.tar into .*\.nsbook-staging-many-\d+-\w+: free some space .*Nothing was kept\./,
      );
      expect(await namesIn(join(t.home, "rootfs"))).toEqual([]);
      await rm(file);
      expect(await lstat(join(t.home, "rootfs")).then((s) => s.isDirectory())).toBe(true);
    });
  },
);
