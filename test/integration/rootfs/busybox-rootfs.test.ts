import { copyFile, lstat, mkdir, readFile, readlink, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { defaultRootfsDir } from "../../../src/lib/core/paths.js";
import { runHost } from "../../../src/lib/host/index.js";
import {
  buildBusyboxRootfs,
  listRootfs,
  RootfsError,
  removeRootfs,
  resolveRootfs,
} from "../../../src/lib/rootfs/index.js";
import { all, describeWhen, needRoot, needTool } from "../../support/requirements.js";
import { deadPid, namesIn, type TempHome, useTempHome } from "./temp-home.js";

describeWhen(
  all(needRoot(), needTool("busybox", "busybox-static"), needTool("chroot", "coreutils")),
  "busybox rootfs (root: chroot into it for real)",
  () => {
    let t: TempHome;
    beforeEach(async () => {
      t = await useTempHome();
    });
    afterEach(async () => {
      await t.dispose();
    });

    it("builds a rootfs a shell can chroot into, with the layout a container needs", async () => {
      const r = await buildBusyboxRootfs();
      expect(r).toMatchObject({ name: "busybox", dir: defaultRootfsDir(), status: "created" });
      const out = await runHost([
        "chroot",
        r.dir,
        "/bin/sh",
        "-c",
        "echo ok; ls /; cat /etc/hostname; id -un; /usr/bin/env true && echo env-ok",
      ]);
      const lines = out.stdout.trim().split("\n");
      expect(lines[0]).toBe("ok");
      for (const d of [
        "bin",
        "dev",
        "etc",
        "home",
        "mnt",
        "proc",
        "root",
        "run",
        "sbin",
        "sys",
        "tmp",
        "usr",
        "var",
      ]) {
        expect(lines).toContain(d);
      }
      expect(lines.slice(-3)).toEqual(["nsbook", "root", "env-ok"]);
    });

    it("writes passwd, group, hosts, the marker, and gives /tmp mode 1777 and /root 0700", async () => {
      const { dir } = await buildBusyboxRootfs();
      expect(await readFile(join(dir, "etc/passwd"), "utf8")).toMatch(
        /^root:x:0:0:root:\/root:\/bin\/sh\nnobody:x:65534:65534:/,
      );
      expect(await readFile(join(dir, "etc/group"), "utf8")).toMatch(/^root:x:0:\n/);
      expect(await readFile(join(dir, "etc/hosts"), "utf8")).toMatch(/127\.0\.0\.1\tlocalhost/);
      expect(await readFile(join(dir, "etc/nsbook-rootfs"), "utf8")).toMatch(
        /KIND="busybox"\n[\s\S]*BUSYBOX_VERSION="\d+\.\d+/,
      );
      expect((await stat(join(dir, "tmp"))).mode & 0o7777).toBe(0o1777);
      expect((await stat(join(dir, "root"))).mode & 0o7777).toBe(0o700);
      for (const d of ["proc", "sys"]) expect(await namesIn(join(dir, d))).toEqual([]);
    });

    it("creates the standard character devices in /dev when built as root", async () => {
      const { dir } = await buildBusyboxRootfs();
      expect(await namesIn(join(dir, "dev"))).toEqual(["full", "null", "random", "tty", "urandom", "zero"]);
      const devNull = await lstat(join(dir, "dev/null"));
      expect(devNull.isCharacterDevice()).toBe(true);
      expect(devNull.mode & 0o777).toBe(0o666);
      expect(devNull.rdev).toBe((1 << 8) | 3);
      const r = await runHost([
        "chroot",
        dir,
        "/bin/sh",
        "-c",
        "echo hidden >/dev/null && head -c 4 /dev/zero | wc -c",
      ]);
      expect(r.stdout.trim()).toBe("4");
    });

    it("links every applet relatively: /bin/x -> busybox, /sbin/x -> ../bin/busybox", async () => {
      const { dir } = await buildBusyboxRootfs();
      const { stdout } = await runHost(["busybox", "--list"]);
      const applets = stdout.trim().split("\n");
      const bin = await namesIn(join(dir, "bin"));
      for (const a of applets) expect(bin).toContain(a);
      expect(await readlink(join(dir, "bin/ls"))).toBe("busybox");
      expect(await readlink(join(dir, "sbin/chroot"))).toBe("../bin/busybox");
      expect((await lstat(join(dir, "bin/busybox"))).isFile()).toBe(true);
    });

    it("does nothing when an up-to-date rootfs exists, and rebuilds with force", async () => {
      const first = await buildBusyboxRootfs();
      const before = (await stat(join(first.dir, "bin/busybox"))).ino;
      const again = await buildBusyboxRootfs();
      expect(again.status).toBe("up-to-date");
      expect((await stat(join(first.dir, "bin/busybox"))).ino).toBe(before);
      const forced = await buildBusyboxRootfs({ force: true });
      expect(forced.status).toBe("replaced");
      expect((await stat(join(first.dir, "bin/busybox"))).ino).not.toBe(before);
      expect(await namesIn(join(t.home, "rootfs"))).toEqual(["busybox"]);
    });

    it("rebuilds by itself when the host's busybox changed", async () => {
      await buildBusyboxRootfs();
      const changed = join(t.home, "busybox-changed");
      await copyFile("/bin/busybox", changed);
      await writeFile(changed, Buffer.from("appended bytes change the sha256"), { flag: "a" });
      const r = await buildBusyboxRootfs({ busybox: changed });
      expect(r.status).toBe("replaced");
      expect(r.detail).toMatch(/host's busybox changed/);
    });

    it("lets concurrent builds of the same rootfs all succeed with one complete result", async () => {
      const results = await Promise.all([buildBusyboxRootfs(), buildBusyboxRootfs(), buildBusyboxRootfs()]);
      expect(results.map((r) => r.status).sort()).toContain("created");
      expect(await namesIn(join(t.home, "rootfs"))).toEqual(["busybox"]);
      expect((await runHost(["chroot", results[0]?.dir ?? "", "/bin/true"])).exitCode).toBe(0);
    });

    it("refuses a dynamically linked busybox and says to install busybox-static", async () => {
      const dynamic = join(t.home, "busybox");
      await copyFile("/bin/ls", dynamic); // any dynamic executable stands in for Debian's dynamic busybox
      await expect(buildBusyboxRootfs({ busybox: dynamic })).rejects.toThrow(
        /is linked dynamically \(it needs the loader \/lib.*apt-get install busybox-static/,
      );
      expect(await namesIn(join(t.home, "rootfs"))).toEqual([]);
    });

    it("deletes staging folders left by a process that died mid-build", async () => {
      const leftover = join(t.home, "rootfs", `.nsbook-staging-busybox-${deadPid()}-Ab12Cd`);
      await mkdir(join(leftover, "bin"), { recursive: true });
      await buildBusyboxRootfs();
      expect(await namesIn(join(t.home, "rootfs"))).toEqual(["busybox"]);
    });

    it("resolves nothing, a name and a path to the rootfs, and says how to make one when it is missing", async () => {
      await expect(resolveRootfs()).rejects.toThrow("no root filesystem yet: run `nsbook rootfs default`");
      await expect(resolveRootfs()).rejects.toBeInstanceOf(RootfsError);
      const { dir } = await buildBusyboxRootfs();
      expect(await resolveRootfs()).toBe(dir);
      expect(await resolveRootfs("busybox")).toBe(dir);
      expect(await resolveRootfs(dir)).toBe(dir);
      await expect(resolveRootfs("alpine")).rejects.toThrow(
        /no root filesystem named "alpine" \(available: busybox\): run `nsbook rootfs alpine`/,
      );
      await expect(resolveRootfs(t.home)).rejects.toThrow(/does not look like a root filesystem/);
      await expect(resolveRootfs("../etc")).rejects.toThrow(/not a directory|does not look like/);
    });

    it("lists the rootfs with kind, size and creation time", async () => {
      await buildBusyboxRootfs();
      const [info, ...rest] = await listRootfs();
      expect(rest).toEqual([]);
      expect(info).toMatchObject({ name: "busybox", kind: "busybox", path: defaultRootfsDir() });
      expect(info?.sizeBytes).toBeGreaterThan(500_000);
      expect(Date.parse(info?.created ?? "")).toBeGreaterThan(Date.now() - 60_000);
    });

    it("refuses to remove a rootfs while something is mounted inside it, then removes it", async () => {
      const { dir } = await buildBusyboxRootfs();
      await runHost(["mount", "-t", "tmpfs", "nsbook-test", join(dir, "mnt")]);
      try {
        await expect(removeRootfs("busybox")).rejects.toThrow(/is in use: .*\/mnt is mounted inside it/);
        await expect(buildBusyboxRootfs({ force: true })).rejects.toThrow(/mounted inside it/);
      } finally {
        await runHost(["umount", join(dir, "mnt")]);
      }
      expect(await removeRootfs("busybox")).toBe(true);
      expect(await removeRootfs("busybox")).toBe(false);
      expect(await namesIn(join(t.home, "rootfs"))).toEqual([]);
    });
  },
);
