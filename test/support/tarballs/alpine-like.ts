// A small archive shaped like Alpine's minirootfs (absolute symlinks to /bin/busybox, /tmp 1777, a pax
// long name), built around the host's static busybox so a test can chroot into what it extracts.
import { readFileSync } from "node:fs";
import { gzip, makeTar, type TarMemberSpec } from "./tar-writer.js";

/** The Alpine version the fake tarball claims to be. */
export const FAKE_ALPINE_VERSION = "3.20.3";

/** A long path inside the fake rootfs (over 100 bytes, so it needs a pax `path` record). */
export const LONG_PATH = `usr/share/nsbook/${"deeply-nested-folder/".repeat(5)}long-file-name.txt`;

/** A gzip'd minirootfs-like tarball whose /bin/busybox is a copy of `busybox` (a static binary). */
export function alpineLikeTarball(busybox = "/bin/busybox"): Buffer {
  const dirs = [
    "bin",
    "etc",
    "lib",
    "sbin",
    "usr",
    "usr/bin",
    "usr/sbin",
    "usr/share",
    "root",
    "proc",
    "sys",
    "dev",
    "home",
    "var",
    "run",
  ];
  const members: TarMemberSpec[] = [
    { name: "./", type: "dir" },
    ...dirs.map((d): TarMemberSpec => ({ name: `./${d}/`, type: "dir", mode: d === "root" ? 0o700 : 0o755 })),
    { name: "./tmp/", type: "dir", mode: 0o1777 },
    { name: "./bin/busybox", data: readFileSync(busybox), mode: 0o755 },
    { name: "./bin/sh", type: "symlink", linkName: "/bin/busybox" },
    { name: "./bin/ls", type: "symlink", linkName: "/bin/busybox" },
    { name: "./bin/cat", type: "symlink", linkName: "/bin/busybox" },
    { name: "./usr/bin/env", type: "symlink", linkName: "/bin/busybox" },
    { name: "./sbin/nologin", type: "symlink", linkName: "../bin/busybox" },
    { name: "./etc/alpine-release", data: `${FAKE_ALPINE_VERSION}\n` },
    { name: "./etc/os-release", data: `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${FAKE_ALPINE_VERSION}\n` },
    { name: "./etc/passwd", data: "root:x:0:0:root:/root:/bin/sh\n" },
    { name: "./etc/shadow", data: "root:*::0:::::\n", mode: 0o640, gid: 42 },
    { name: "./etc/motd", type: "hardlink", linkName: "./etc/alpine-release" },
    { name: "./usr/share/nsbook/", type: "dir" },
    ...[1, 2, 3, 4, 5].map(
      (n): TarMemberSpec => ({
        name: `./usr/share/nsbook/${"deeply-nested-folder/".repeat(n)}`,
        type: "dir",
      }),
    ),
    { name: `./${LONG_PATH}`, data: "long names survive\n" },
  ];
  return gzip(makeTar(members));
}
