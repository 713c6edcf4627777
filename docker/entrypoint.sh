#!/bin/sh
# The image's entrypoint, run by tini (PID 1): gives nsbook's overlay directories a tmpfs, then execs the
# command (scripts/course.sh, jupyterhub-singleuser, ...). As a user other than root (a JupyterHub
# single-user server as jovyan), it also builds that user's default root filesystem when missing: the image
# has root's only, and a hub often mounts a fresh home.
#
# Notebook 10's containers mount an overlay whose upper and work directories live in nsbook's run directory
# (/run/nsbook as root, /tmp/nsbook-<uid> as a user) and, for kept layers, in <data dir>/uppers; committed
# layers, whiteouts included, go to <data dir>/layers. In a container those are on the container's own root,
# an overlayfs, which the kernel refuses as an upperdir ("overlay: filesystem on ... not supported as
# upperdir") and on which it creates no whiteouts (EPERM). Each of them still on an overlayfs gets a tmpfs,
# as root or through sudo -n; without the privileges to mount (an unprivileged container) it says so and
# goes on: everything but overlays still works.
fstype() { stat -f -c %T "$1" 2>/dev/null; }
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi
}
tmpfs_on() { # dir mode [owner]
  dir=$1
  probe=$dir
  while [ ! -e "$probe" ]; do probe=$(dirname "$probe"); done
  [ "$(fstype "$probe")" = overlayfs ] || return 0
  # A user's own directory is made by the user (its parents too), the others by root.
  if { if [ -n "${3:-}" ]; then mkdir -p "$dir"; else as_root mkdir -p "$dir"; fi; } 2>/dev/null &&
    as_root mount -t tmpfs -o "mode=$2${3:+,uid=$3,gid=$3}" nsbook-tmpfs "$dir" 2>/dev/null; then
    return 0
  fi
  echo "[nsbook entrypoint] could not mount a tmpfs on $dir (an unprivileged container?): overlays (notebook 10) will fail" >&2
}

tmpfs_on /tmp 1777
tmpfs_on /run/nsbook 0755
tmpfs_on /var/lib/nsbook/uppers 0755
tmpfs_on /var/lib/nsbook/layers 0755
if [ "$(id -u)" != 0 ]; then
  [ -n "${XDG_RUNTIME_DIR:-}" ] && tmpfs_on "$XDG_RUNTIME_DIR/nsbook" 0700 "$(id -u)"
  tmpfs_on "${XDG_DATA_HOME:-$HOME/.local/share}/nsbook/uppers" 0755 "$(id -u)"
  tmpfs_on "${XDG_DATA_HOME:-$HOME/.local/share}/nsbook/layers" 0755 "$(id -u)"
fi
if [ "$(id -u)" != 0 ] && command -v nsbook >/dev/null; then
  nsbook rootfs default >/dev/null 2>&1 ||
    echo "[nsbook entrypoint] \`nsbook rootfs default\` failed: run it in a terminal to see why" >&2
fi
exec "$@"
