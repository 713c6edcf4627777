// Telling a statically linked program from a dynamic one by its ELF program headers.

const PT_INTERP = 3;

/**
 * True when the ELF image in `head` (its first bytes, enough to hold the program headers) has no
 * PT_INTERP header, i.e. needs no dynamic loader; false when it has one; undefined when it is not ELF or
 * `head` is too short.
 */
export function isStaticElf(head: Uint8Array): boolean | undefined {
  if (head.length < 52 || head[0] !== 0x7f || head[1] !== 0x45 || head[2] !== 0x4c || head[3] !== 0x46)
    return undefined;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const is64 = head[4] === 2;
  const le = head[5] === 1;
  if (is64 && head.length < 64) return undefined;
  const phoff = is64 ? Number(view.getBigUint64(0x20, le)) : view.getUint32(0x1c, le);
  const phentsize = view.getUint16(is64 ? 0x36 : 0x2a, le);
  const phnum = view.getUint16(is64 ? 0x38 : 0x2c, le);
  if (phoff + phentsize * phnum > head.length) return undefined;
  for (let i = 0; i < phnum; i++) {
    if (view.getUint32(phoff + i * phentsize, le) === PT_INTERP) return false;
  }
  return true;
}
