// Archives that try to write outside the directory they are extracted into, each named after the attack.
// Every one writes a file whose name contains "nsbook-escaped" at the place it aims for, so a test can look.
import { globalPaxMember, makeTar, type TarMemberSpec, tarHeader, tarMember } from "./tar-writer.js";

/** The marker file name hostile archives try to create outside the target. */
export const ESCAPE_MARKER = "nsbook-escaped";

const root: TarMemberSpec = { name: "./", type: "dir" };
const shell: TarMemberSpec[] = [
  { name: "./bin/", type: "dir" },
  { name: "./bin/sh", data: "#!/bin/false\n", mode: 0o755 },
];

/**
 * The hostile archives. `outside` is an absolute directory the attack aims at (the test creates it next to the
 * target and checks that nothing appeared in it).
 */
export function hostileArchives(outside: string): Record<string, Buffer> {
  return {
    "absolute member path": makeTar([root, ...shell, { name: `${outside}/${ESCAPE_MARKER}`, data: "x" }]),
    "dot-dot member path": makeTar([
      root,
      ...shell,
      { name: `../../../../../../../${outside}/${ESCAPE_MARKER}`, data: "x" },
    ]),
    "dot-dot in the middle of a path": makeTar([
      root,
      ...shell,
      { name: `./bin/../../${ESCAPE_MARKER}`, data: "x" },
    ]),
    "write through an absolute symlink": makeTar([
      root,
      ...shell,
      { name: "./escape", type: "symlink", linkName: outside },
      { name: `./escape/${ESCAPE_MARKER}`, data: "x" },
    ]),
    "write through a relative symlink that climbs out": makeTar([
      root,
      ...shell,
      { name: "./up", type: "symlink", linkName: `../../../../../../../..${outside}` },
      { name: `./up/${ESCAPE_MARKER}`, data: "x" },
    ]),
    "write through a symlink nested in a directory": makeTar([
      root,
      ...shell,
      { name: "./etc/", type: "dir" },
      { name: "./etc/conf", type: "symlink", linkName: outside },
      { name: `./etc/conf/sub/${ESCAPE_MARKER}`, data: "x" },
    ]),
    "symlink replaced by a directory then written through": makeTar([
      root,
      ...shell,
      { name: "./d", type: "symlink", linkName: outside },
      { name: "./d/", type: "dir" },
      { name: `./d/${ESCAPE_MARKER}`, data: "x" },
    ]),
    "hard link to an absolute path": makeTar([
      root,
      ...shell,
      { name: `./${ESCAPE_MARKER}`, type: "hardlink", linkName: "/etc/passwd" },
    ]),
    "hard link climbing out with dot-dot": makeTar([
      root,
      ...shell,
      { name: `./${ESCAPE_MARKER}`, type: "hardlink", linkName: "../../../../../../etc/passwd" },
    ]),
    "hard link through a symlink": makeTar([
      root,
      ...shell,
      { name: "./hostetc", type: "symlink", linkName: "/etc" },
      { name: `./${ESCAPE_MARKER}`, type: "hardlink", linkName: "./hostetc/passwd" },
    ]),
    "hard link to a file that is not in the archive": makeTar([
      root,
      ...shell,
      { name: `./${ESCAPE_MARKER}`, type: "hardlink", linkName: "etc/shadow" },
    ]),
    "hard link to a symlink then written through": makeTar([
      root,
      ...shell,
      { name: "./s", type: "symlink", linkName: outside },
      { name: "./h", type: "hardlink", linkName: "./s" },
      { name: `./h/${ESCAPE_MARKER}`, data: "x" },
    ]),
    "symlink that replaces the target directory": makeTar([
      { name: "./", type: "symlink", linkName: outside },
    ]),
    "member hidden in a symlink's data": makeTar([
      root,
      ...shell,
      // A symlink that claims 1024 bytes of data; inside them, a complete header for an absolute path.
      Buffer.concat([
        tarMember({ name: "./innocent", type: "symlink", linkName: "bin/sh", declaredSize: 1024 }).subarray(
          0,
          512,
        ),
        tarHeader({ name: Buffer.from(`${outside}/${ESCAPE_MARKER}`), mode: 0o644, size: 0, typeflag: "0" }),
        Buffer.alloc(512),
      ]),
    ]),
    "global pax header that renames every member": makeTar([
      globalPaxMember({ path: `${outside}/${ESCAPE_MARKER}` }),
      root,
      ...shell,
    ]),
    "pax path that overrides a harmless header name": makeTar([
      root,
      ...shell,
      { name: "./harmless", data: "x", pax: { path: `../../../../../..${outside}/${ESCAPE_MARKER}` } },
    ]),
    "GNU long name that climbs out": makeTar([
      root,
      ...shell,
      {
        name: `./${"a/".repeat(60)}${"../".repeat(70)}${outside.slice(1)}/${ESCAPE_MARKER}`,
        data: "x",
        longNames: "gnu",
      },
    ]),
    "GNU sparse member": makeTar([root, ...shell, { name: `./${ESCAPE_MARKER}`, typeflag: "S", data: "x" }]),
  };
}

/** An otherwise fine rootfs with a block device (the host's first disk, 8:0) and a fifo. */
export function archiveWithDevices(): Buffer {
  return makeTar([
    root,
    ...shell,
    { name: "./dev/", type: "dir" },
    { name: "./dev/sda", type: "block", devMajor: 8, devMinor: 0, mode: 0o660 },
    { name: "./dev/null", type: "char", devMajor: 1, devMinor: 3, mode: 0o666 },
    { name: "./run/", type: "dir" },
    { name: "./run/initctl", type: "fifo", mode: 0o600 },
    { name: "./etc/", type: "dir" },
    { name: "./etc/hostname", data: "devices\n" },
  ]);
}
