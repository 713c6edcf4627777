import { describe, expect, it } from "vitest";
import { parseElfLoadInfo } from "../../../src/lib/rootfs/index.js";

/** A minimal ELF file: header, program headers, and an interpreter string when given. */
function elf(bits: 32 | 64, littleEndian: boolean, interpreter?: string): Buffer {
  const ehsize = bits === 64 ? 64 : 52;
  const phentsize = bits === 64 ? 56 : 32;
  const phnum = 2;
  const interpOffset = ehsize + phnum * phentsize;
  const interpBytes = interpreter === undefined ? Buffer.alloc(0) : Buffer.from(`${interpreter}\0`);
  const buf = Buffer.alloc(interpOffset + interpBytes.length);
  buf.write("\x7fELF", 0, "latin1");
  buf[4] = bits === 64 ? 2 : 1;
  buf[5] = littleEndian ? 1 : 2;
  buf[6] = 1;
  const w16 = (o: number, v: number) => (littleEndian ? buf.writeUInt16LE(v, o) : buf.writeUInt16BE(v, o));
  const w32 = (o: number, v: number) => (littleEndian ? buf.writeUInt32LE(v, o) : buf.writeUInt32BE(v, o));
  const w64 = (o: number, v: number) =>
    littleEndian ? buf.writeBigUInt64LE(BigInt(v), o) : buf.writeBigUInt64BE(BigInt(v), o);
  const word = bits === 64 ? w64 : w32;
  w16(16, 2);
  w16(18, bits === 64 ? 62 : 40);
  word(bits === 64 ? 0x20 : 0x1c, ehsize);
  w16(bits === 64 ? 0x36 : 0x2a, phentsize);
  w16(bits === 64 ? 0x38 : 0x2c, phnum);
  // program header 0: PT_LOAD (1); program header 1: PT_INTERP (3) or PT_NOTE (4)
  const ph1 = ehsize + phentsize;
  w32(ehsize, 1);
  w32(ph1, interpreter === undefined ? 4 : 3);
  word(ph1 + (bits === 64 ? 8 : 4), interpOffset);
  word(ph1 + (bits === 64 ? 32 : 16), interpBytes.length);
  interpBytes.copy(buf, interpOffset);
  return buf;
}

describe("parseElfLoadInfo", () => {
  it("finds the interpreter of a dynamic 64-bit little-endian executable", () => {
    expect(parseElfLoadInfo(elf(64, true, "/lib64/ld-linux-x86-64.so.2"))).toEqual({
      bits: 64,
      littleEndian: true,
      machine: 62,
      interpreter: "/lib64/ld-linux-x86-64.so.2",
    });
  });

  it("reports no interpreter for a static executable", () => {
    expect(parseElfLoadInfo(elf(64, true)).interpreter).toBeUndefined();
  });

  it("reads 32-bit and big-endian headers", () => {
    expect(parseElfLoadInfo(elf(32, true, "/lib/ld-linux-armhf.so.3"))).toMatchObject({
      bits: 32,
      machine: 40,
      interpreter: "/lib/ld-linux-armhf.so.3",
    });
    expect(parseElfLoadInfo(elf(64, false, "/lib/ld64.so.1"))).toMatchObject({
      littleEndian: false,
      interpreter: "/lib/ld64.so.1",
    });
    const be32 = parseElfLoadInfo(elf(32, false));
    expect(be32).toMatchObject({ bits: 32, littleEndian: false });
    expect(be32.interpreter).toBeUndefined();
  });

  it("refuses a shell script and a file cut short", () => {
    expect(() => parseElfLoadInfo(Buffer.from("#!/bin/sh\necho hi\n".padEnd(80)))).toThrow(/not an ELF file/);
    expect(() => parseElfLoadInfo(elf(64, true, "/lib64/ld.so").subarray(0, 100))).toThrow(/past the end/);
  });
});
