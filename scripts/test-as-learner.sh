#!/usr/bin/env bash
# The course as a learner runs it: a user who is not root, with sudo that asks for a password, clones the
# project, runs ./setup.sh as themselves and executes the notebooks through their own Jupyter (the same kernelspec
# `npm run course` uses). Run as root; CI (.ci/run) does. It creates a throw-away user and removes it again.
#
#   scripts/test-as-learner.sh [VITEST_ARGS...]      default: the whole notebook suite (test/notebooks)
#
# In order: the learner's ./setup.sh (no terminal: the kernel stays rootless); a notebook of a rootless kernel
# must stop at its first cell with the reason and leave nothing; the course's sudo rule granted (what the
# learner's "yes" to ./setup.sh does); the CLI as the learner (it runs itself as root through the rule); the
# notebook suite as the learner; then nothing left behind and nothing in the learner's clone owned by root.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
[[ $EUID -eq 0 ]] || { echo "test-as-learner: run as root (it creates and removes a user)" >&2; exit 2; }
command -v sudo >/dev/null || { echo "test-as-learner: needs sudo (apt-get install sudo)" >&2; exit 2; }

user=${NSBOOK_TEST_LEARNER:-nsbook-learner}
home=/home/$user
clone=$home/nsbook
say() { printf '\n[as-learner] %s\n' "$*"; }
as_learner() { su - "$user" -c "cd $clone && $*"; }

cleanup() {
  say "removing $user, their sudo rules and home"
  if [[ -x $clone/scripts/kernel-access.sh ]]; then
    "$clone/scripts/kernel-access.sh" revoke --user "$user" >/dev/null 2>&1 || true
  fi
  rm -f "/etc/sudoers.d/90-$user"
  # Only this throw-away user's own processes, if a failed step left any.
  pkill -u "$user" 2>/dev/null || true
  sleep 0.5
  pkill -KILL -u "$user" 2>/dev/null || true
  userdel -r "$user" 2>/dev/null || true
  rm -rf "$home"
}
if id "$user" >/dev/null 2>&1; then cleanup; fi
trap cleanup EXIT

say "a learner: $user, sudo with a password (as on WSL2 and most desktops)"
useradd -m -s /bin/bash "$user"
echo "$user:learner-password" | chpasswd
echo "$user ALL=(ALL:ALL) ALL" >"/etc/sudoers.d/90-$user"
chmod 0440 "/etc/sudoers.d/90-$user"
# This machine has no internet: node-gyp must find Node's headers on disk (root's npm has the same setting).
[[ -d /usr/include/node ]] && su - "$user" -c 'echo nodedir=/usr >~/.npmrc'
# git refuses to read a repository another user owns unless told.
su - "$user" -c "git config --global --add safe.directory '*' && git clone -q $PWD $clone"

say "the learner's ./setup.sh (as $user, no terminal)"
as_learner "./setup.sh </dev/null"

say "a rootless kernel: notebook 02 must stop at its first cell, say why, and create nothing"
before=$(bin/nsbook ps --json)
# The learner's Jupyter: JupyterLab in the clone's .venv (from PyPI), or Debian's on machines without PyPI.
jupyter=jupyter
[[ -x $clone/.venv/bin/jupyter ]] && jupyter=$clone/.venv/bin/jupyter
if out=$(as_learner "cd notebooks/en && JUPYTER_PATH=$clone/.jupyter-local $jupyter nbconvert --to notebook --execute --stdout 02-pid-namespace.ipynb" 2>&1); then
  echo "$out" | tail -5
  echo "[as-learner] FAILED: notebook 02 ran to the end with a rootless kernel" >&2
  exit 1
fi
grep -q "stopped here: this notebook needs a root kernel" <<<"$out" || { echo "$out" | tail -20; echo "[as-learner] FAILED: no clear stop" >&2; exit 1; }
if grep -qE '^\s+at ' <<<"$out"; then echo "$out" | tail -20; echo "[as-learner] FAILED: a stack trace" >&2; exit 1; fi
[[ $(bin/nsbook ps --json) == "$before" ]] || { echo "[as-learner] FAILED: the rootless kernel left a container" >&2; exit 1; }
echo "ok: stopped with the reason, nothing created"

say "the course's sudo rule for $user (what answering yes in ./setup.sh installs)"
"$clone/scripts/kernel-access.sh" grant --user "$user" --yes | tail -1
as_learner "scripts/kernel-access.sh status"

say "the CLI as $user: it runs itself as root through the rule, no password asked"
as_learner "bin/nsbook rootfs default </dev/null"
[[ $(as_learner "bin/nsbook run --hostname learner-box -- hostname </dev/null") == learner-box ]] || { echo "[as-learner] FAILED: nsbook run" >&2; exit 1; }
code=0
as_learner "bin/nsbook run --memory 32M -- sh -c 'head -c 200m /dev/zero | tail' </dev/null" || code=$?
[[ $code == 137 ]] || { echo "[as-learner] FAILED: the OOM kill exited $code, not 137" >&2; exit 1; }
as_learner "bin/nsbook doctor </dev/null" | grep -E "Jupyter kernel|Steps? " || true

say "a learner behind a proxy: sudo drops https_proxy, nsbook carries it to its root side"
# Nothing listens on port 1: the download must fail naming the learner's proxy (proof it arrived), and leave nothing.
out=$(as_learner "https_proxy=http://127.0.0.1:1 bin/nsbook rootfs alpine --name proxy-check </dev/null" 2>&1) && {
  echo "[as-learner] FAILED: a download through a dead proxy succeeded" >&2; exit 1; }
grep -q "the proxy http://127.0.0.1:1 (from https_proxy) could not be reached" <<<"$out" || {
  echo "[as-learner] FAILED: the root side did not use the learner's https_proxy:" >&2; echo "$out" >&2; exit 1; }
[[ ! -e /var/lib/nsbook/rootfs/proxy-check ]] || { echo "[as-learner] FAILED: a half-made rootfs was left" >&2; exit 1; }

say "the notebook suite as $user, through $user's own Jupyter and the root kernel"
status=0
as_learner "NSBOOK_REQUIRE_ALL=1 node_modules/.bin/vitest run --project notebooks ${*:-} </dev/null" || status=$?

say "nothing left behind, and the learner's clone is still theirs"
left=$(bin/nsbook ps --json)
[[ $left == "[]" ]] || { echo "[as-learner] FAILED: containers left: $left" >&2; status=1; }
foreign=$(find "$clone" -path "$clone/node_modules" -prune -o ! -user "$user" -print | head -5)
[[ -z $foreign ]] || { echo "[as-learner] FAILED: files in the clone not owned by $user: $foreign" >&2; status=1; }
kernels=$(pgrep -u 0 -f "$clone/dist/kernel/main.js" || true)
[[ -z $kernels ]] || { echo "[as-learner] FAILED: root kernels still running: $kernels" >&2; status=1; }
((status == 0)) && say "passed"
exit "$status"
