import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { cacheDir } from "../../../src/lib/core/paths.js";
import { importRootfs, readRootfsMarker } from "../../../src/lib/rootfs/index.js";
import { all, describeWhen, needRoot, needTool } from "../../support/requirements.js";
import { gzip, type LoopbackMirror, makeTar, startLoopbackMirror } from "../../support/tarballs/index.js";
import { deadPid, namesIn, type TempHome, useTempHome } from "./temp-home.js";

const archive = gzip(
  makeTar([
    { name: "./", type: "dir" },
    { name: "./bin/", type: "dir" },
    { name: "./bin/sh", data: "#!/bin/false\n", mode: 0o755 },
    { name: "./etc/", type: "dir" },
    { name: "./etc/hostname", data: "from-url\n" },
  ]),
);
const digest = createHash("sha256").update(archive).digest("hex");

describeWhen(all(needRoot(), needTool("tar")), "import from a URL on a loopback server", () => {
  let mirror: LoopbackMirror;
  let t: TempHome;
  beforeAll(async () => {
    mirror = await startLoopbackMirror({
      "/rootfs.tar.gz": { body: archive },
      "/cut.tar.gz": { body: archive, closeAfterBytes: 100 },
    });
  });
  afterAll(async () => {
    await mirror.close();
  });
  beforeEach(async () => {
    t = await useTempHome();
  });
  afterEach(async () => {
    await t.dispose();
  });

  it("downloads, verifies the given sha256, extracts, and keeps no copy of the download", async () => {
    const r = await importRootfs({
      name: "web",
      from: `${mirror.baseUrl}/rootfs.tar.gz`,
      sha256: digest.toUpperCase(),
    });
    expect(r.status).toBe("created");
    expect(r.notes).toEqual([]);
    expect(await readRootfsMarker(r.dir)).toMatchObject({
      kind: "imported",
      source: `${mirror.baseUrl}/rootfs.tar.gz`,
      sha256: digest,
    });
    expect(await namesIn(cacheDir())).toEqual([]);
  });

  it("refuses a wrong sha256 and keeps nothing", async () => {
    await expect(
      importRootfs({ name: "web", from: `${mirror.baseUrl}/rootfs.tar.gz`, sha256: "e".repeat(64) }),
    ).rejects.toThrow(/checksum mismatch/);
    expect(await namesIn(cacheDir())).toEqual([]);
    expect(await namesIn(join(t.home, "rootfs"))).toEqual([]);
  });

  it("refuses a download cut short and keeps no partial file", async () => {
    await expect(importRootfs({ name: "web", from: `${mirror.baseUrl}/cut.tar.gz` })).rejects.toThrow(
      /cut short: got 100 of \d+ bytes/,
    );
    expect(await namesIn(cacheDir())).toEqual([]);
    expect(await namesIn(join(t.home, "rootfs"))).toEqual([]);
  });

  it("names the URL on a 404", async () => {
    await expect(importRootfs({ name: "web", from: `${mirror.baseUrl}/missing.tar.gz` })).rejects.toThrow(
      /download of http:\/\/127\.0\.0\.1:\d+\/missing\.tar\.gz failed: the server answered HTTP 404 Not Found/,
    );
  });

  it("deletes partial downloads left by a process that died", async () => {
    await mkdir(cacheDir(), { recursive: true });
    const stale = join(cacheDir(), `import-web-${deadPid()}-0badcafe.partial`);
    await writeFile(stale, "half a download");
    await importRootfs({ name: "web", from: `${mirror.baseUrl}/rootfs.tar.gz` });
    expect(await namesIn(cacheDir())).toEqual([]);
  });
});
