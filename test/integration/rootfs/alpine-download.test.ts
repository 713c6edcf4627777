import { createHash } from "node:crypto";
import { readFile, readlink, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { cacheDir, rootfsDir } from "../../../src/lib/core/paths.js";
import { runHost } from "../../../src/lib/host/index.js";
import {
  alpineMinirootfsSource,
  type DownloadProgress,
  installAlpineRootfs,
  listRootfs,
} from "../../../src/lib/rootfs/index.js";
import { all, describeWhen, needPath, needRoot, needTool } from "../../support/requirements.js";
import {
  alpineLikeTarball,
  FAKE_ALPINE_VERSION,
  LONG_PATH,
  type LoopbackMirror,
  startLoopbackMirror,
} from "../../support/tarballs/index.js";
import { namesIn, type TempHome, useTempHome } from "./temp-home.js";

const sha256 = (b: Buffer | string): string => createHash("sha256").update(b).digest("hex");
const ARCH = "x86_64";
const source = alpineMinirootfsSource(FAKE_ALPINE_VERSION, ARCH, "http://mirror/alpine");
const tarballPath = new URL(source.tarballUrl).pathname;
const sumPath = new URL(source.sha256Url).pathname;

describeWhen(
  all(
    needRoot(),
    needTool("tar"),
    needPath("/bin/busybox", "a static busybox for the fake Alpine tarball (busybox-static)"),
  ),
  "Alpine minirootfs downloaded from a loopback mirror (root: extract and chroot for real)",
  () => {
    let mirror: LoopbackMirror;
    let tarball: Buffer;
    let t: TempHome;

    /** Serves `body` as the tarball and `sum` (default: its real checksum) as the .sha256. */
    function serve(body: Buffer, options: { sum?: string; closeAfterBytes?: number } = {}): void {
      mirror.routes.clear();
      mirror.routes.set(tarballPath, { body, closeAfterBytes: options.closeAfterBytes });
      mirror.routes.set(sumPath, { body: `${options.sum ?? sha256(body)}  ${source.fileName}\n` });
      mirror.requests.length = 0;
    }
    const install = (extra: Parameters<typeof installAlpineRootfs>[0] = {}) =>
      installAlpineRootfs({
        arch: ARCH,
        version: FAKE_ALPINE_VERSION,
        mirror: `${mirror.baseUrl}/alpine`,
        ...extra,
      });

    /** Nothing half-made anywhere: no rootfs, no staging folder, no partial download, no unverified tarball. */
    async function expectNothingLeft(): Promise<void> {
      expect(await namesIn(join(t.home, "rootfs"))).toEqual([]);
      expect(await namesIn(cacheDir())).toEqual([]);
    }

    beforeAll(async () => {
      tarball = alpineLikeTarball("/bin/busybox");
      mirror = await startLoopbackMirror();
    });
    afterAll(async () => {
      await mirror.close();
    });
    beforeEach(async () => {
      t = await useTempHome();
      serve(tarball);
    });
    afterEach(async () => {
      await t.dispose();
    });

    it("downloads with progress, verifies, caches, extracts, and the result runs under chroot", async () => {
      const progress: DownloadProgress[] = [];
      const r = await install({ onProgress: (p) => progress.push(p) });
      expect(r).toMatchObject({ name: "alpine", status: "created", dir: rootfsDir("alpine") });
      expect(r.marker).toMatchObject({
        kind: "alpine",
        alpineVersion: FAKE_ALPINE_VERSION,
        arch: ARCH,
        sha256: sha256(tarball),
      });
      expect(progress.at(-1)).toMatchObject({ receivedBytes: tarball.length, totalBytes: tarball.length });
      expect(mirror.requests).toEqual([sumPath, tarballPath]);
      const out = await runHost([
        "chroot",
        r.dir,
        "/bin/sh",
        "-c",
        "cat /etc/alpine-release; ls /bin/sh; /usr/bin/env cat /etc/passwd",
      ]);
      expect(out.stdout).toBe(`${FAKE_ALPINE_VERSION}\n/bin/sh\nroot:x:0:0:root:/root:/bin/sh\n`);
      expect(await readlink(join(r.dir, "bin/sh"))).toBe("/bin/busybox");
      expect(await readFile(join(r.dir, LONG_PATH), "utf8")).toBe("long names survive\n");
      expect((await stat(join(r.dir, "tmp"))).mode & 0o7777).toBe(0o1777);
      expect((await stat(join(r.dir, "etc/shadow"))).gid).toBe(42); // --numeric-owner as root
      expect((await stat(join(r.dir, "etc/motd"))).ino).toBe(
        (await stat(join(r.dir, "etc/alpine-release"))).ino,
      );
      expect(await namesIn(cacheDir())).toEqual([source.fileName, `${source.fileName}.sha256`]);
      expect(await namesIn(join(t.home, "rootfs"))).toEqual(["alpine"]);
      expect((await listRootfs())[0]).toMatchObject({
        name: "alpine",
        kind: "alpine",
        description: `Alpine ${FAKE_ALPINE_VERSION} ${ARCH}`,
      });
    });

    it("is up to date on a second call and downloads nothing", async () => {
      await install();
      mirror.requests.length = 0;
      const again = await install();
      expect(again.status).toBe("up-to-date");
      expect(mirror.requests).toEqual([]);
    });

    it("reuses the cached tarball when its checksum matches the published one", async () => {
      await install();
      mirror.requests.length = 0;
      const r = await install({ force: true });
      expect(r.status).toBe("replaced");
      expect(r.notes.join("\n")).toMatch(/used the cached .* \(sha256 verified\)/);
      expect(mirror.requests).toEqual([sumPath]);
    });

    it("uses the verified cache when the mirror cannot be reached", async () => {
      await install();
      const r = await install({ force: true, mirror: "http://127.0.0.1:9/alpine" });
      expect(r.notes.join("\n")).toMatch(/mirror is unreachable; used the cached/);
    });

    it("refuses a truncated download (server closes early) and keeps nothing", async () => {
      serve(tarball, { closeAfterBytes: Math.floor(tarball.length / 2) });
      await expect(install()).rejects.toThrow(/was cut short: got \d+ of \d+ bytes .*Nothing was kept/);
      await expectNothingLeft();
    });

    it("refuses a tarball whose checksum does not match the published one and keeps nothing", async () => {
      serve(tarball, { sum: "0".repeat(64) });
      await expect(install()).rejects.toThrow(
        /checksum mismatch for http:\/\/127\.0\.0\.1:\d+\/alpine\/v3\.20\/releases\/x86_64\/alpine-minirootfs-3\.20\.3-x86_64\.tar\.gz: expected sha256 0{64}, got [0-9a-f]{64}/,
      );
      await expectNothingLeft();
    });

    it("explains a 404 with the URL and what to check", async () => {
      await expect(install({ version: "3.99.0" })).rejects.toThrow(
        /alpine-minirootfs-3\.99\.0-x86_64\.tar\.gz\.sha256 failed: the server answered HTTP 404 Not Found\. Is Alpine 3\.99\.0 \(x86_64\) published\? Check the version on https:\/\/alpinelinux\.org\/releases\//,
      );
      await expectNothingLeft();
    });

    it("refuses something that is not a tarball even when its checksum matches", async () => {
      serve(Buffer.from("<html><body>Welcome to the captive portal</body></html>\n"));
      await expect(install()).rejects.toThrow(/is not a usable tar archive: it is only \d+ bytes long/);
      expect(await namesIn(join(t.home, "rootfs"))).toEqual([]);
      serve(Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(100, 7)]));
      await expect(install({ force: true })).rejects.toThrow(/is not a valid gzip file/);
      expect(await namesIn(join(t.home, "rootfs"))).toEqual([]);
    });

    it("refuses a gzip stream that ends early even when its checksum matches", async () => {
      serve(tarball.subarray(0, Math.floor(tarball.length * 0.6)));
      await expect(install()).rejects.toThrow(/is truncated/);
      expect(await namesIn(join(t.home, "rootfs"))).toEqual([]);
    });

    it("will not replace a different release under the same name without --force", async () => {
      await install();
      await expect(install({ version: "3.20.2" })).rejects.toThrow(
        /"alpine" already exists \(alpine 3\.20\.3 x86_64\): replace it with --force, or install Alpine 3\.20\.2 \(x86_64\) under another name \(--name alpine-3\.20\.2\)/,
      );
    });

    it("refuses a mirror that is not an http(s) URL before any network traffic", async () => {
      await expect(install({ mirror: "ftp://example.org/alpine" })).rejects.toThrow(
        /mirror "ftp:\/\/example\.org\/alpine" uses ftp:/,
      );
    });
  },
);
