// Pure parsers for what the host's busybox says about itself: its version banner and its applet list.

/** One applet and the folder busybox would install it in ("bin", "sbin", "usr/bin", "usr/sbin" or ""). */
export interface BusyboxApplet {
  name: string;
  dir: string;
}

/** The version in busybox's banner, e.g. "1.35.0 (Debian 1:1.35.0-4+deb12u1+b1)"; undefined if absent. */
export function parseBusyboxBanner(text: string): string | undefined {
  const m = /BusyBox v(\S+)(?: \(([^)]*)\))?/.exec(text);
  if (!m) return undefined;
  return m[2] ? `${m[1]} (${m[2]})` : m[1];
}

/**
 * Parses `busybox --list-full` ("bin/ls", "usr/sbin/chroot", "linuxrc") or `busybox --list` ("ls"): one
 * applet per line. Blank lines and anything that is not a plain applet name are ignored.
 */
export function parseBusyboxApplets(text: string): BusyboxApplet[] {
  const applets: BusyboxApplet[] = [];
  for (const line of text.split("\n")) {
    const path = line.trim();
    const slash = path.lastIndexOf("/");
    const name = path.slice(slash + 1);
    // Applet names are words, plus "[" and "[[" (test); nothing with ".." or a leading dot gets through.
    if (!/^[A-Za-z0-9_[][A-Za-z0-9._+[-]*$/.test(name) || path.split("/").includes("..")) continue;
    applets.push({ name, dir: slash < 0 ? "" : path.slice(0, slash) });
  }
  return applets;
}
