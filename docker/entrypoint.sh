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
# upperdir") and on which it creates no whiteouts (EPERM). Each of them still on an overlayfs gets a tmpfs.
#
# Mounting needs root. As jovyan, this script runs itself again as root for that part only, through
# `sudo -n /course/docker/entrypoint.sh --mounts`: the image's sudoers drop-in allows exactly that command
# (no other arguments), beside the course's rule for the kernel (scripts/kernel-access.sh). In that mode the
# user's directories come from the sudoer's passwd entry, not from its environment (sudo resets it).
# Without the privileges to mount (an unprivileged container) it says so and goes on: everything but
# overlays still works.
fstype() { stat -f -c %T "$1" 2>/dev/null; }
tmpfs_on() { # dir mode [user]: as root; a user's own directory (and its parents) is made by that user
  dir=$1
  probe=$dir
  while [ ! -e "$probe" ]; do probe=$(dirname "$probe"); done
  [ "$(fstype "$probe")" = overlayfs ] || return 0
  if [ -n "${3:-}" ]; then
    uid=$(id -u "$3") && gid=$(id -g "$3") && runuser -u "$3" -- mkdir -p "$dir" &&
      mount -t tmpfs -o "mode=$2,uid=$uid,gid=$gid" nsbook-tmpfs "$dir" && return 0
  elif mkdir -p "$dir" && mount -t tmpfs -o "mode=$2" nsbook-tmpfs "$dir"; then
    return 0
  fi
  echo "[nsbook entrypoint] could not mount a tmpfs on $dir (an unprivileged container?): overlays (notebook 10) will fail" >&2
}
mount_all() { # [user]
  tmpfs_on /tmp 1777
  tmpfs_on /run/nsbook 0755
  tmpfs_on /var/lib/nsbook/uppers 0755
  tmpfs_on /var/lib/nsbook/layers 0755
  if [ -n "${1:-}" ]; then
    home=$(getent passwd "$1" | cut -d: -f6)
    tmpfs_on "$home/.local/share/nsbook/uppers" 0755 "$1"
    tmpfs_on "$home/.local/share/nsbook/layers" 0755 "$1"
  fi
}

if [ "${1:-}" = --mounts ]; then
  # Through sudo (the sudoers drop-in names this exact command line): root's directories and the sudoer's.
  [ "$(id -u)" = 0 ] && [ -n "${SUDO_USER:-}" ] || {
    echo "[nsbook entrypoint] --mounts is run by the entrypoint as jovyan through sudo -n" >&2
    exit 2
  }
  mount_all "$SUDO_USER"
  exit 0
fi

if [ "$(id -u)" = 0 ]; then
  mount_all
elif ! sudo -n /course/docker/entrypoint.sh --mounts; then
  echo "[nsbook entrypoint] \`sudo -n /course/docker/entrypoint.sh --mounts\` failed: no tmpfs for overlays (notebook 10 will fail)" >&2
fi
if [ "$(id -u)" != 0 ] && command -v nsbook >/dev/null; then
  nsbook rootfs default >/dev/null 2>&1 ||
    echo "[nsbook entrypoint] \`nsbook rootfs default\` failed: run it in a terminal to see why" >&2
fi
exec "$@"
