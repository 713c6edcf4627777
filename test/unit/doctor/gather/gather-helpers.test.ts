import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isStaticElf } from "../../../../src/lib/doctor/gather/elf.js";
import { locateTool } from "../../../../src/lib/doctor/gather/find-tool.js";
import { readRootfs } from "../../../../src/lib/doctor/gather/read-rootfs.js";

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A minimal 64-bit little-endian ELF header with the given program header types. */
function elf64(types: number[]): Uint8Array {
  const phoff = 64;
  const buf = Buffer.alloc(phoff + 56 * types.length);
  buf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  buf.writeBigUInt64LE(BigInt(phoff), 0x20);
  buf.writeUInt16LE(56, 0x36);
  buf.writeUInt16LE(types.length, 0x38);
  for (const [i, t] of types.entries()) buf.writeUInt32LE(t, phoff + 56 * i);
  return buf;
}

describe("isStaticElf", () => {
  it("calls an image without PT_INTERP static and one with it dynamic", () => {
    expect(isStaticElf(elf64([1, 1, 4]))).toBe(true);
    expect(isStaticElf(elf64([6, 3, 1]))).toBe(false);
  });

  it("knows nothing about text or a truncated header", () => {
    expect(isStaticElf(Buffer.from("#!/bin/sh\necho hi\n".padEnd(80)))).toBeUndefined();
    expect(isStaticElf(elf64([1, 3]).subarray(0, 70))).toBeUndefined();
  });

  it("sees that this Node is dynamically linked", () => {
    expect(isStaticElf(readFileSync(process.execPath).subarray(0, 4096))).toBe(false);
  });
});

describe("locateTool", () => {
  const exists = (paths: string[]) => (p: string) => paths.includes(p);

  it("finds a program on PATH, first directory first", () => {
    expect(locateTool("ip", "/usr/bin:/bin", exists(["/bin/ip", "/usr/bin/ip"]))).toEqual({
      path: "/usr/bin/ip",
    });
  });

  it("notices a program that only an sbin directory off PATH has", () => {
    expect(locateTool("chroot", "/usr/local/bin:/usr/bin:/bin", exists(["/usr/sbin/chroot"]))).toEqual({
      offPath: "/usr/sbin/chroot",
    });
  });

  it("returns nothing for a program that is nowhere", () => {
    expect(locateTool("nope", "/usr/bin", exists([]))).toEqual({});
  });
});

describe("readRootfs", () => {
  it("finds bin/busybox and a bin/sh symlink that only resolves inside the rootfs", () => {
    const dir = mkdtempSync(join(tmpdir(), "nsbook-rootfs-"));
    made.push(dir);
    mkdirSync(join(dir, "bin"));
    writeFileSync(join(dir, "bin/busybox"), "");
    symlinkSync("/bin/busybox-that-is-not-on-the-host", join(dir, "bin/sh"));
    expect(readRootfs(dir)).toEqual({ dir, hasBusybox: true, hasSh: true });
  });

  it("reports an empty or missing directory", () => {
    expect(readRootfs("/nonexistent/nsbook-rootfs")).toEqual({
      dir: "/nonexistent/nsbook-rootfs",
      hasBusybox: false,
      hasSh: false,
    });
  });
});
