#!/usr/bin/env bash
# Runs the tslab kernel for one Jupyter connection file as whoever runs this script - root (through the
# course's sudo rule, or under a root Jupyter) or the learner (rootless) - so that nothing it starts outlives it.
#
#   - NSBOOK_OWNER names this kernel; every container it starts records it (state.json "owner").
#   - A reaper (reaper.sh), in a session of its own so that Jupyter's signals to the kernel's process group miss
#     it, reads a pipe whose write end only the kernel holds. However the kernel ends - shutdown, restart, a
#     crash, SIGKILL of it or of the sudo in front of it - the pipe closes and the reaper runs
#     `nsbook stop --owner <it>`. It also ends the kernel if Jupyter (JUPYTER_PID) dies without shutting it down.
#   - The kernel dies with its parent (sudo, or Jupyter itself): setpriv --pdeathsig KILL.
#   - Through sudo, this script stays as the kernel's parent and passes the signals bin/nsbook-kernel relays
#     on to the kernel's process group, as Jupyter itself would.
#   - On a systemd host a root kernel runs in a transient scope with Delegate=yes, nsbook-<owner>.scope:
#     systemd hands that cgroup subtree to it, and nsbook creates the containers' cgroups there. nsbook never
#     writes to the cgroups of a login session or a slice, which systemd owns (see cgroups/detect/place-v2.ts).
set -euo pipefail
checkout=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
node=${NSBOOK_NODE:-$(command -v node)}
# shellcheck source=scripts/kernel/user-env.sh
source "$checkout/scripts/kernel/user-env.sh"
usage() {
  echo "usage: run-kernel.sh CONNECTION_FILE [JUPYTER_PID [--signals-on-stdin] [--user-env NAME=VALUE]...]" >&2
  exit 2
}
(($# >= 1)) || usage
connection_file=$1 jupyter_pid=${2:-} relayed=no
[[ $jupyter_pid =~ ^[0-9]*$ ]] || usage
options=("${@:3}")
while ((${#options[@]})); do
  case ${options[0]} in
    --signals-on-stdin) relayed=yes options=("${options[@]:1}") ;;
    # The learner's proxy settings, which sudo dropped (user-env.sh).
    --user-env) ((${#options[@]} >= 2)) && carry_user_env "${options[1]}" || usage; options=("${options[@]:2}") ;;
    *) usage ;;
  esac
done

# Behind bin/nsbook-kernel's sudo this shell stays in front of the kernel, to pass signals on (below); it must
# not outlive sudo.
if [[ $relayed == yes && -z ${NSBOOK_KERNEL_RELAY:-} ]]; then
  NSBOOK_KERNEL_RELAY=1 exec setpriv --pdeathsig KILL -- "$0" "$@"
fi

# Jupyter names the file kernel-<uuid>.json and keeps it across restarts: the PID makes the owner unique.
id=$(basename "$connection_file" .json)
id=${id#kernel-}
id=${id//[^A-Za-z0-9]/}
owner="kernel-${id:0:8}-$$"
export NSBOOK_OWNER=$owner
# The scope of this kernel's containers (src/lib/core/paths.ts): the learner - the user whose Jupyter started the
# kernel, who ran sudo (SUDO_USER) or is running it - and this kernel. Its own state folder
# (/run/nsbook/@LEARNER/OWNER), cgroup names, bridge and subnet: two learners, or two kernels of one learner,
# running the same notebook never touch each other's containers. Scope parts may not contain "." or "/".
learner=${SUDO_USER:-$(id -un)}
learner=${learner//[^A-Za-z0-9_-]/_}
export NSBOOK_SCOPE="$learner/$owner"
# Node 22.12+ prints an ExperimentalWarning into the cell when execa (ESM-only) is loaded through require(esm).
export NODE_OPTIONS=--disable-warning=ExperimentalWarning

exec {reaper_pipe}> >(exec setsid "$checkout/scripts/kernel/reaper.sh" "$node" "$checkout/dist/cli/main.js" \
  "$owner" $$ "$jupyter_pid" >/dev/null 2>&1)

# tslab, started by dist/kernel/main.js as `tslab kernel` would start it, with messages a learner can act on
# (a cell run out of order, an interrupt): see src/kernel/start.ts.
kernel=("$node" "$checkout/dist/kernel/main.js" --config-path "$connection_file")
kernel=(setpriv --pdeathsig KILL -- "${kernel[@]}")
if [[ $EUID -eq 0 && -d /run/systemd/system ]] && command -v systemd-run >/dev/null; then
  # systemd-run --scope puts itself into the new scope and then execs the command: same PID, same parent.
  kernel=(systemd-run --scope --quiet --collect -p Delegate=yes --unit "nsbook-$owner"
    --description "nsbook Jupyter kernel $owner (uid ${SUDO_UID:-0})" -- "${kernel[@]}")
fi
[[ $relayed == no ]] && exec "${kernel[@]}"

# Started through sudo by bin/nsbook-kernel, which writes the name of each signal Jupyter sends it to our
# standard input (Jupyter may not signal root's processes, and sudo does not pass SIGINT on). Jupyter means the
# kernel's whole process group - an interrupt must also stop the host command a cell waits for - so the kernel
# gets a process group of its own (job control) and the signal goes to that group. End of input means the
# learner's side is gone (Jupyter killed it): the kernel ends too.
set -m
"${kernel[@]}" </dev/null &
kernel_pid=$!
while kill -0 "$kernel_pid" 2>/dev/null; do
  if read -r -t 1 signal; then
    case $signal in INT | TERM | HUP | QUIT) kill -s "$signal" -- "-$kernel_pid" 2>/dev/null || true ;; esac
  elif (($? <= 128)); then
    kill -s TERM -- "-$kernel_pid" 2>/dev/null || true
    sleep 2
    kill -s KILL -- "-$kernel_pid" 2>/dev/null || true
    break
  fi
done
wait "$kernel_pid"
