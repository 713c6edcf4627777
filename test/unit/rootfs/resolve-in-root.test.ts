import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { looksLikeRootfs, resolveInRoot } from "../../../src/lib/rootfs/index.js";

describe("resolveInRoot (no privileges: a rootfs made of plain files and symlinks)", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "nsbook-resolve-"));
    await mkdir(join(root, "bin"));
    await mkdir(join(root, "usr/lib"), { recursive: true });
    await writeFile(join(root, "bin/busybox"), "", { mode: 0o755 });
    await symlink("/bin/busybox", join(root, "bin/sh"));
    await symlink("../../../../../../etc/passwd", join(root, "bin/climb"));
    await symlink("usr/lib", join(root, "lib"));
    await symlink("loop2", join(root, "loop1"));
    await symlink("loop1", join(root, "loop2"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("resolves an absolute symlink inside the root, not on the host", async () => {
    expect(await resolveInRoot(root, "/bin/sh")).toBe(join(root, "bin/busybox"));
  });

  it("stops '..' at the root", async () => {
    expect(await resolveInRoot(root, "/bin/climb")).toBe(join(root, "etc/passwd"));
    expect(await resolveInRoot(root, "../../../etc/shadow")).toBe(join(root, "etc/shadow"));
  });

  it("follows relative symlinks in the middle of a path and keeps missing components", async () => {
    expect(await resolveInRoot(root, "/lib/missing/x.so")).toBe(join(root, "usr/lib/missing/x.so"));
  });

  it("gives up with ELOOP on a symlink loop", async () => {
    await expect(resolveInRoot(root, "/loop1")).rejects.toMatchObject({ code: "ELOOP" });
  });

  it("lets looksLikeRootfs see Alpine's /bin/sh -> /bin/busybox without looking at the host", async () => {
    expect(await looksLikeRootfs(root)).toBe(true);
    const empty = await mkdtemp(join(tmpdir(), "nsbook-resolve-empty-"));
    try {
      await mkdir(join(empty, "bin"));
      await symlink("/bin/busybox", join(empty, "bin/sh")); // exists on the host, not in this root
      expect(await looksLikeRootfs(empty)).toBe(false);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
