import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { main } from "../../../src/cli/main.js";
import { alpineMinirootfsSource } from "../../../src/lib/rootfs/index.js";
import { all, describeWhen, needRoot, needTool } from "../../support/requirements.js";
import {
  alpineLikeTarball,
  FAKE_ALPINE_VERSION,
  gzip,
  type LoopbackMirror,
  makeTar,
  startLoopbackMirror,
} from "../../support/tarballs/index.js";
import { namesIn, type TempHome, useTempHome } from "./temp-home.js";

/** Runs `nsbook ARGS` in-process and captures what it prints. */
async function nsbook(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describeWhen(
  all(needRoot(), needTool("busybox", "busybox-static"), needTool("tar")),
  "nsbook rootfs (the CLI face)",
  () => {
    let t: TempHome;
    let mirror: LoopbackMirror;
    beforeAll(async () => {
      const tarball = alpineLikeTarball("/bin/busybox");
      const src = alpineMinirootfsSource(FAKE_ALPINE_VERSION, "x86_64", "http://x/alpine");
      mirror = await startLoopbackMirror({
        [new URL(src.tarballUrl).pathname]: { body: tarball },
        [new URL(src.sha256Url).pathname]: {
          body: `${createHash("sha256").update(tarball).digest("hex")}  ${src.fileName}\n`,
        },
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

    it("`rootfs default` builds once, then says up to date; --force rebuilds", async () => {
      const first = await nsbook("rootfs", "default");
      expect(first).toMatchObject({ code: 0, stderr: "" });
      expect(first.stdout).toMatch(
        /^busybox: created .*\/rootfs\/busybox in \d+ ms \(BusyBox \d.* from \/.*busybox\)\n$/,
      );
      expect((await nsbook("rootfs", "default")).stdout).toMatch(/^busybox: up to date/);
      expect((await nsbook("rootfs", "default", "--force")).stdout).toMatch(/^busybox: replaced/);
    });

    it("`rootfs alpine --mirror` prints progress on stderr and the result on stdout", async () => {
      const r = await nsbook("rootfs", "alpine", "--mirror", `${mirror.baseUrl}/alpine`, "--arch", "x86_64");
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(
        /downloading http:\/\/127\.0\.0\.1:\d+\/alpine\/v3\.20\/releases\/x86_64\/alpine-minirootfs-3\.20\.3-x86_64\.tar\.gz: 100% \(/,
      );
      expect(r.stdout).toMatch(
        /^alpine: created .*\/rootfs\/alpine in \d+ ms \(Alpine 3\.20\.3 \(x86_64\) from http/,
      );
    });

    it("`rootfs list --json` gives name, path, kind, size and creation time", async () => {
      await nsbook("rootfs", "default");
      const r = await nsbook("rootfs", "list", "--json");
      const list = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({
        name: "busybox",
        kind: "busybox",
        path: join(t.home, "rootfs/busybox"),
      });
      expect(list[0]?.sizeBytes).toEqual(expect.any(Number));
      expect(list[0]?.created).toEqual(expect.any(String));
      const table = await nsbook("rootfs", "list");
      expect(table.stdout.split("\n")[0]).toMatch(/^NAME\s+KIND\s+SIZE\s+CREATED\s+WHAT\s+PATH$/);
    });

    it("`rootfs import` takes a local tarball, notes that it was not verified, and `remove` deletes it", async () => {
      const file = join(t.home, "mine.tar.gz");
      await writeFile(file, gzip(makeTar([{ name: "./bin/sh", data: "x", mode: 0o755 }])));
      const r = await nsbook("rootfs", "import", "mine", "--from", file);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^note: not verified: no --sha256 given \(its sha256 is [0-9a-f]{64}\)/);
      expect(await namesIn(join(t.home, "rootfs"))).toEqual(["mine"]);
      expect(await nsbook("rootfs", "remove", "mine")).toMatchObject({ code: 0, stdout: "removed mine\n" });
      const again = await nsbook("rootfs", "remove", "mine");
      expect(again).toMatchObject({
        code: 1,
        stderr: 'nsbook rootfs: no root filesystem named "mine" (there are none)\n',
      });
    });

    it("wrong usage exits 2 with the usage line; a bad value exits 1 with just the message", async () => {
      const noFrom = await nsbook("rootfs", "import", "x");
      expect(noFrom.code).toBe(2);
      expect(noFrom.stderr).toMatch(
        /^nsbook rootfs: import needs --from PATH\|URL .*\nusage: nsbook rootfs import --from PATH\|URL /,
      );
      expect((await nsbook("rootfs", "frobnicate")).code).toBe(2);
      expect((await nsbook("rootfs", "list", "--colour")).code).toBe(2);
      const badName = await nsbook("rootfs", "import", "../etc", "--from", "/dev/null");
      expect(badName).toMatchObject({ code: 1 });
      expect(badName.stderr).toMatch(/^nsbook rootfs: name "\.\.\/etc" is not a valid root filesystem name/);
      const badSum = await nsbook("rootfs", "import", "x", "--from", "/dev/null", "--sha256", "nope");
      expect(badSum.stderr).toMatch(/sha256 "nope" is not a sha256 checksum/);
    });
  },
);
