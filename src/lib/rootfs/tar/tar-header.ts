// One 512-byte tar header block (POSIX ustar, GNU and old v7 layouts), decoded without interpretation.
import { TarFormatError } from "./tar-format-error.js";

/** Size of a tar block, in bytes. */
export const TAR_BLOCK = 512;

/** The fields of one header block. Strings are raw bytes as latin1. */
export interface TarHeader {
  /** name, with the ustar prefix joined in front when the archive is POSIX ustar. */
  name: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  typeflag: string;
  linkName: string;
  /** "ustar" (POSIX), "gnu" (GNU tar's own) or "v7" (no magic). */
  format: "ustar" | "gnu" | "v7";
}

function cString(block: Buffer, start: number, length: number): string {
  const end = block.indexOf(0, start);
  return block.toString("latin1", start, end < 0 || end > start + length ? start + length : end);
}

/**
 * A numeric field: octal ASCII ended by NUL or space, or GNU base-256 (first byte 0x80) for big values.
 * Throws on anything else, and on values beyond Number.MAX_SAFE_INTEGER or negative.
 */
export function parseTarNumber(
  block: Buffer,
  start: number,
  length: number,
  field: string,
  offset: number,
): number {
  const first = block[start] ?? 0;
  if (first & 0x80) {
    if (first !== 0x80) throw new TarFormatError(`negative base-256 ${field} in tar header`, offset);
    let value = 0n;
    for (let i = start + 1; i < start + length; i++) value = (value << 8n) | BigInt(block[i] ?? 0);
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
      throw new TarFormatError(`${field} too large in tar header`, offset);
    return Number(value);
  }
  const text = block
    .toString("latin1", start, start + length)
    .replace(/[\0 ]+$/, "")
    .replace(/^ +/, "");
  if (text === "") return 0;
  if (!/^[0-7]+$/.test(text))
    throw new TarFormatError(`${field} is not an octal number: ${JSON.stringify(text)}`, offset);
  const value = Number.parseInt(text, 8);
  if (!Number.isSafeInteger(value)) throw new TarFormatError(`${field} too large in tar header`, offset);
  return value;
}

/** True for a block of 512 zero bytes (the end-of-archive marker). */
export function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < TAR_BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

function checksumMatches(block: Buffer): boolean {
  const stored = block
    .toString("latin1", 148, 156)
    .replace(/[\0 ]+$/, "")
    .replace(/^ +/, "");
  if (!/^[0-7]+$/.test(stored)) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < TAR_BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : (block[i] as number);
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  const want = Number.parseInt(stored, 8);
  return want === unsigned || want === signed;
}

/**
 * Decodes a non-zero header block found at byte `offset` of the archive. Throws a {@link TarFormatError} when
 * its checksum is wrong: the usual sign that the data is not a tar archive at all.
 */
export function parseTarHeader(block: Buffer, offset: number): TarHeader {
  if (block.length !== TAR_BLOCK) throw new TarFormatError("tar header block is not 512 bytes", offset, true);
  if (!checksumMatches(block)) {
    throw new TarFormatError(
      `bad tar header checksum at byte ${offset}: not a tar archive, or a corrupted one`,
      offset,
    );
  }
  const magic = block.toString("latin1", 257, 265);
  const format = magic === "ustar\u000000" ? "ustar" : magic === "ustar  \0" ? "gnu" : "v7";
  let name = cString(block, 0, 100);
  if (format === "ustar") {
    const prefix = cString(block, 345, 155);
    if (prefix) name = `${prefix}/${name}`;
  }
  return {
    name,
    mode: parseTarNumber(block, 100, 8, "mode", offset),
    uid: parseTarNumber(block, 108, 8, "uid", offset),
    gid: parseTarNumber(block, 116, 8, "gid", offset),
    size: parseTarNumber(block, 124, 12, "size", offset),
    typeflag: String.fromCharCode(block[156] as number),
    linkName: cString(block, 157, 100),
    format,
  };
}
