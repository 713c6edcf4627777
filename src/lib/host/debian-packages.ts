// Which Debian/Ubuntu package provides each host tool nsbook runs (for "command not found").

const PACKAGE_OF_TOOL: Readonly<Record<string, string>> = {
  unshare: "util-linux",
  nsenter: "util-linux",
  mount: "mount",
  umount: "mount",
  setpriv: "util-linux",
  chroot: "coreutils",
  ip: "iproute2",
  busybox: "busybox-static",
  tar: "tar",
  sudo: "sudo",
  jupyter: "jupyter-notebook",
  "chromium-headless-shell": "chromium-headless-shell",
  newuidmap: "uidmap",
  newgidmap: "uidmap",
  ps: "procps",
  pdftoppm: "poppler-utils",
  "qemu-system-x86_64": "qemu-system-x86",
};

/** The Debian package that provides `tool` (a bare name or a path), if nsbook knows it. */
export function debianPackageFor(tool: string): string | undefined {
  const base = tool.split("/").pop() ?? tool;
  return PACKAGE_OF_TOOL[base];
}
