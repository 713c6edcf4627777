import { describe, expect, it } from "vitest";
import { type TarEntry, TarFormatError, TarStreamParser } from "../../../src/lib/rootfs/index.js";
import { makeTar, metaMember, tarHeader } from "../../support/tarballs/index.js";

function parse(archive: Buffer, chunkSize = archive.length): TarEntry[] {
  const entries: TarEntry[] = [];
  const parser = new TarStreamParser((e) => entries.push(e));
  for (let i = 0; i < archive.length; i += chunkSize) parser.write(archive.subarray(i, i + chunkSize));
  parser.end();
  return entries;
}

const sample = makeTar([
  { name: "./", type: "dir" },
  { name: "./bin/busybox", data: "x".repeat(1000), mode: 0o755 },
  { name: "./bin/sh", type: "symlink", linkName: "/bin/busybox" },
  { name: "./bin/ash", type: "hardlink", linkName: "./bin/busybox" },
  { name: "./dev/null", type: "char", devMajor: 1, devMinor: 3 },
  { name: "./run/fifo", type: "fifo" },
  { name: "./etc/", type: "dir" },
]);

describe("TarStreamParser", () => {
  it("reports every member with its type, size, mode and link target", () => {
    const entries = parse(sample);
    expect(entries.map((e) => [e.name, e.type])).toEqual([
      ["./", "dir"],
      ["./bin/busybox", "file"],
      ["./bin/sh", "symlink"],
      ["./bin/ash", "hardlink"],
      ["./dev/null", "char"],
      ["./run/fifo", "fifo"],
      ["./etc/", "dir"],
    ]);
    expect(entries[1]).toMatchObject({ size: 1000, mode: 0o755 });
    expect(entries[2]?.linkName).toBe("/bin/busybox");
    expect(entries[3]?.linkName).toBe("./bin/busybox");
  });

  it("gives the same answer when the archive arrives one byte at a time", () => {
    expect(parse(sample, 1)).toEqual(parse(sample));
    expect(parse(sample, 511)).toEqual(parse(sample));
  });

  it("applies pax path and linkpath records to the next member only", () => {
    const long = `./${"x".repeat(150)}/file`;
    const entries = parse(
      makeTar([
        { name: long, data: "a" },
        { name: "./short", type: "symlink", linkName: `/${"y".repeat(140)}` },
        { name: "./after" },
      ]),
    );
    expect(entries.map((e) => e.name)).toEqual([long, "./short", "./after"]);
    expect(entries[1]?.linkName).toBe(`/${"y".repeat(140)}`);
  });

  it("applies GNU long name (L) and long link (K) records", () => {
    const long = `./${"z".repeat(200)}`;
    const entries = parse(
      makeTar([{ name: long, type: "symlink", linkName: `./${"w".repeat(120)}`, longNames: "gnu" }]),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ name: long, linkName: `./${"w".repeat(120)}` });
  });

  it("joins the ustar prefix field in front of the name", () => {
    const header = tarHeader({
      name: Buffer.from("file"),
      prefix: Buffer.from("some/dir"),
      mode: 0o644,
      size: 0,
      typeflag: "0",
    });
    expect(parse(makeTar([header]))[0]?.name).toBe("some/dir/file");
  });

  it("lets a pax size record override the header's size", () => {
    const data = Buffer.alloc(600, 0x61);
    const member = Buffer.concat([
      metaMember("x", Buffer.from("12 size=600\n")),
      tarHeader({ name: Buffer.from("./big"), mode: 0o644, size: 0, typeflag: "0" }),
      data,
      Buffer.alloc(424),
    ]);
    const entries = parse(makeTar([member, { name: "./next" }]));
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ["./big", 600],
      ["./next", 0],
    ]);
  });

  it("reads GNU base-256 numbers", () => {
    const header = tarHeader({ name: Buffer.from("./uid"), mode: 0o644, size: 0, typeflag: "0" });
    header.fill(0, 108, 116);
    header[108] = 0x80;
    header.writeUInt32BE(3_000_000_000, 112);
    header.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "latin1");
    expect(parse(makeTar([header]))[0]?.uid).toBe(3_000_000_000);
  });

  it("stops at the first zero block, as tar does", () => {
    const archive = Buffer.concat([makeTar([{ name: "./a" }], 1), makeTar([{ name: "./hidden" }])]);
    expect(parse(archive).map((e) => e.name)).toEqual(["./a"]);
  });

  it("refuses data that is not a tar archive with a bad-checksum error", () => {
    const junk = Buffer.alloc(2048, "this is not a tarball\n");
    expect(() => parse(junk)).toThrow(TarFormatError);
    expect(() => parse(junk)).toThrow(/bad tar header checksum at byte 0/);
  });

  it("calls a file shorter than one header not a tar archive (rather than truncated)", () => {
    try {
      parse(Buffer.from("<html>captive portal</html>\n"));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TarFormatError);
      expect((e as TarFormatError).truncated).toBe(false);
      expect((e as Error).message).toMatch(/only 28 bytes long, shorter than one tar header/);
    }
  });

  it("reports a truncated archive as truncated", () => {
    const cut = sample.subarray(0, 512 + 700);
    try {
      parse(cut);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TarFormatError);
      expect((e as TarFormatError).truncated).toBe(true);
    }
  });

  it("treats a long-name record with no member after it as truncation", () => {
    const archive = metaMember("L", Buffer.from("./dangling\0"));
    expect(() => parse(archive)).toThrow(/truncated/);
  });

  it("refuses a global pax header that sets a path for every member", () => {
    const archive = makeTar([metaMember("g", Buffer.from("15 path=/etc/x\n")), { name: "./a" }]);
    expect(() => parse(archive)).toThrow(/global pax header .* sets "path"/);
  });

  it("reports unknown type flags as 'other' instead of guessing", () => {
    const entries = parse(
      makeTar([
        { name: "./s", typeflag: "S", data: "abc" },
        { name: "./v", typeflag: "V" },
      ]),
    );
    expect(entries.map((e) => [e.type, e.typeflag])).toEqual([
      ["other", "S"],
      ["other", "V"],
    ]);
  });

  it("keeps non-UTF-8 names byte for byte", () => {
    const raw = Buffer.from([0x2e, 0x2f, 0xff, 0xfe, 0x41]);
    const entries = parse(makeTar([{ name: raw }]));
    expect(Buffer.from(entries[0]?.name ?? "", "latin1")).toEqual(raw);
  });
});
