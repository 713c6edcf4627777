#!/usr/bin/env bash
# The reaper of one Jupyter kernel (started by run-kernel.sh, in a session of its own). Its stdin is a pipe whose
# write end only the kernel holds, so reading it returns end-of-file once the kernel has ended, however it ended.
# Then it removes the containers the kernel started: `nsbook stop --owner OWNER`.
#
# It also ends the kernel when Jupyter itself is gone (crashed, killed) without shutting it down: a kernel
# started through sudo is sudo's child, and sudo outlives its parent, so nothing else would notice.
#   reaper.sh NODE CLI OWNER KERNEL_PID [JUPYTER_PID]
set -uo pipefail
node=$1 cli=$2 owner=$3 kernel_pid=$4 jupyter_pid=${5:-}

# A process is named by its PID and its start time (field 22 of /proc/PID/stat), so a reused PID never passes.
started() { local stat; stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1; stat=${stat##*) }; set -- $stat; echo "${20}"; }
jupyter_start=""
[[ -n $jupyter_pid ]] && jupyter_start=$(started "$jupyter_pid")

while :; do
  # Nothing is ever written: read fails at once on end-of-file, and with a status above 128 on the timeout.
  read -r -t 5 _
  (($? > 128)) || break
  if [[ -n $jupyter_start && $(started "$jupyter_pid") != "$jupyter_start" ]]; then
    kill -KILL "$kernel_pid" 2>/dev/null
  fi
done
exec "$node" "$cli" stop --owner "$owner" --time 0
