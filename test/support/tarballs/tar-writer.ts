// A tiny tar writer for tests: crafts exactly the headers a test needs, hostile ones included, in code.
import { gzipSync } from "node:zlib";

/** One member to write. Names and link names are written as UTF-8 bytes (or as given in a Buffer). */
export interface TarMemberSpec {
  name: string | Buffer;
  /** @default "file" */
  type?: "file" | "dir" | "symlink" | "hardlink" | "char" | "block" | "fifo";
  /** Raw typeflag, overriding `type` (e.g. "S" for a GNU sparse file). */
  typeflag?: string;
  /** File contents. @default empty */
  data?: string | Buffer;
  /** Size written in the header, when it should lie about the data. @default data's length */
  declaredSize?: number;
  /** @default 0o644 for files, 0o755 for directories, 0o777 for symlinks */
  mode?: number;
  linkName?: string | Buffer;
  uid?: number;
  gid?: number;
  devMajor?: number;
  devMinor?: number;
  /** How to store a name or link name longer than 100 bytes. @default "pax" */
  longNames?: "pax" | "gnu";
  /** Extra pax records written in an 'x' header before this member. */
  pax?: Record<string, string>;
}

const TYPEFLAG = {
  file: "0",
  dir: "5",
  symlink: "2",
  hardlink: "1",
  char: "3",
  block: "4",
  fifo: "6",
} as const;
const BLOCK = 512;

const bytes = (v: string | Buffer): Buffer => (typeof v === "string" ? Buffer.from(v, "utf8") : v);

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}

function pad(data: Buffer): Buffer {
  const rest = (BLOCK - (data.length % BLOCK)) % BLOCK;
  return Buffer.concat([data, Buffer.alloc(rest)]);
}

/** One raw 512-byte header with a correct checksum. */
export function tarHeader(fields: {
  name: Buffer;
  mode: number;
  uid?: number;
  gid?: number;
  size: number;
  typeflag: string;
  linkName?: Buffer;
  devMajor?: number;
  devMinor?: number;
  prefix?: Buffer;
}): Buffer {
  const h = Buffer.alloc(BLOCK);
  fields.name.copy(h, 0, 0, 100);
  h.write(octal(fields.mode, 8), 100, "latin1");
  h.write(octal(fields.uid ?? 0, 8), 108, "latin1");
  h.write(octal(fields.gid ?? 0, 8), 116, "latin1");
  h.write(octal(fields.size, 12), 124, "latin1");
  h.write(octal(1_700_000_000, 12), 136, "latin1");
  h.write(fields.typeflag, 156, "latin1");
  fields.linkName?.copy(h, 157, 0, 100);
  h.write("ustar\u000000", 257, "latin1");
  h.write("root", 265, "latin1");
  h.write("root", 297, "latin1");
  h.write(octal(fields.devMajor ?? 0, 8), 329, "latin1");
  h.write(octal(fields.devMinor ?? 0, 8), 337, "latin1");
  fields.prefix?.copy(h, 345, 0, 155);
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "latin1");
  return h;
}

function paxData(records: Record<string, string>): Buffer {
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(records)) {
    const body = ` ${key}=${value}\n`;
    let length = Buffer.byteLength(body) + 1;
    while (String(length).length + Buffer.byteLength(body) !== length) length++;
    parts.push(Buffer.from(`${length}${body}`, "utf8"));
  }
  return Buffer.concat(parts);
}

/** A header plus data for a meta record ('x', 'g', 'L', 'K'). */
export function metaMember(typeflag: string, data: Buffer): Buffer {
  return Buffer.concat([
    tarHeader({ name: Buffer.from("././@nsbook-meta"), mode: 0o644, size: data.length, typeflag }),
    pad(data),
  ]);
}

/** A global pax header ('g') with the given records. */
export function globalPaxMember(records: Record<string, string>): Buffer {
  return metaMember("g", paxData(records));
}

/** The bytes of one member (with the pax or GNU records it needs before it). */
export function tarMember(spec: TarMemberSpec): Buffer {
  const type = spec.type ?? "file";
  const typeflag = spec.typeflag ?? TYPEFLAG[type];
  const data = spec.data === undefined ? Buffer.alloc(0) : bytes(spec.data);
  const name = bytes(spec.name);
  const link = spec.linkName === undefined ? undefined : bytes(spec.linkName);
  const out: Buffer[] = [];
  const pax: Record<string, string> = { ...spec.pax };
  if (name.length > 100) {
    if (spec.longNames === "gnu") out.push(metaMember("L", Buffer.concat([name, Buffer.alloc(1)])));
    else pax.path = name.toString("utf8");
  }
  if (link && link.length > 100) {
    if (spec.longNames === "gnu") out.push(metaMember("K", Buffer.concat([link, Buffer.alloc(1)])));
    else pax.linkpath = link.toString("utf8");
  }
  if (Object.keys(pax).length > 0) out.push(metaMember("x", paxData(pax)));
  const defaultMode = type === "dir" ? 0o755 : type === "symlink" ? 0o777 : 0o644;
  out.push(
    tarHeader({
      name: name.subarray(0, 100),
      mode: spec.mode ?? defaultMode,
      uid: spec.uid,
      gid: spec.gid,
      size: spec.declaredSize ?? data.length,
      typeflag,
      linkName: link?.subarray(0, 100),
      devMajor: spec.devMajor,
      devMinor: spec.devMinor,
    }),
  );
  if (data.length > 0) out.push(pad(data));
  return Buffer.concat(out);
}

/** A whole archive: the members, then two zero blocks (or `endBlocks` of them). */
export function makeTar(members: ReadonlyArray<TarMemberSpec | Buffer>, endBlocks = 2): Buffer {
  const parts = members.map((m) => (Buffer.isBuffer(m) ? m : tarMember(m)));
  return Buffer.concat([...parts, Buffer.alloc(endBlocks * BLOCK)]);
}

/** gzip, as a .tar.gz. */
export function gzip(data: Buffer): Buffer {
  return gzipSync(data);
}
