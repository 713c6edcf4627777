// Reads an ELF executable's program headers to tell a static binary from a dynamic one, without `file`.

/** What the program headers say about how an ELF executable is loaded. */
export interface ElfLoadInfo {
  /** 32 or 64 (EI_CLASS). */
  bits: 32 | 64;
  littleEndian: boolean;
  /** e_machine, e.g. 62 (x86-64), 183 (AArch64), 40 (ARM). */
  machine: number;
  /**
   * The dynamic loader named by the PT_INTERP program header (e.g. "/lib64/ld-linux-x86-64.so.2"), or
   * undefined for a static executable. A binary with an interpreter cannot run inside a chroot that lacks
   * that loader and the libraries it loads.
   */
  interpreter?: string;
}

const PT_INTERP = 3;

/**
 * Parses the ELF header and program headers of `file` (the whole executable, or at least up to the end of
 * its PT_INTERP string). Throws a SyntaxError when `file` is not an ELF file or its headers are cut short.
 */
export function parseElfLoadInfo(file: Uint8Array): ElfLoadInfo {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.length < 52 || buf.readUInt32BE(0) !== 0x7f454c46)
    throw new SyntaxError("not an ELF file (no \\x7fELF magic)");
  const cls = buf[4];
  const data = buf[5];
  if ((cls !== 1 && cls !== 2) || (data !== 1 && data !== 2)) {
    throw new SyntaxError(`not a valid ELF file (class ${cls}, data encoding ${data})`);
  }
  const bits = cls === 2 ? 64 : 32;
  const le = data === 1;
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const u64 = (o: number) => Number(le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o));
  const word = bits === 64 ? u64 : u32;
  if (bits === 64 && buf.length < 64) throw new SyntaxError("ELF header cut short");
  const machine = u16(18);
  const phoff = word(bits === 64 ? 0x20 : 0x1c);
  const phentsize = u16(bits === 64 ? 0x36 : 0x2a);
  const phnum = u16(bits === 64 ? 0x38 : 0x2c);
  const info: ElfLoadInfo = { bits, littleEndian: le, machine };
  for (let i = 0; i < phnum; i++) {
    const ph = phoff + i * phentsize;
    if (ph + (bits === 64 ? 56 : 32) > buf.length)
      throw new SyntaxError(`ELF program header ${i} lies past the end of the file`);
    if (u32(ph) !== PT_INTERP) continue;
    const offset = word(ph + (bits === 64 ? 8 : 4));
    const size = word(ph + (bits === 64 ? 32 : 16));
    if (offset + size > buf.length)
      throw new SyntaxError("ELF PT_INTERP string lies past the end of the file");
    info.interpreter = buf.toString("latin1", offset, offset + size).replace(/\0.*$/s, "");
  }
  return info;
}
