#!/usr/bin/env bash
# The course on a learner's own kind of machine: Debian with systemd as PID 1, pure cgroup v2, a learner with
# password-protected sudo in a real logind session (session-N.scope) - booted in qemu by the cgroup2-vm tool
# (../shared/tools/cgroup2-vm, QV2_SYSTEMD=1 QV2_USER=learner). There, as the learner: the course's sudo rule,
# doctor, the CLI's OOM kill and a detached container's cgroup, notebooks through Jupyter, and proof that no
# cgroup of systemd's was written to (scripts/learner-host/in-session.sh).
#
#   scripts/test-learner-host.sh                     CI's set: notebooks en/00 and en/06, then the
#                                                    user-namespaces-refused variant with en/09
#   scripts/test-learner-host.sh full                 also en/02, en/09, ja/06 (on demand: ~25 min more)
#   scripts/test-learner-host.sh NOTEBOOK...          these notebooks only (e.g. en/07-multiple-containers)
#
# Node runs 15-25x slower under qemu's TCG than on the host: notebook 06 takes ~7 minutes there.
# Without the tool or qemu it skips loudly (exit 0), or fails when NSBOOK_REQUIRE_ALL=1.
set -uo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

# shellcheck source=cgroup2-vm.sh
. scripts/cgroup2-vm.sh
PASSWORD=learner-password

require_vm "the learner-host tests"
[[ -d .venv && -f dist/cli/main.js ]] ||
  skip_vm_tests "the learner-host tests" "run ./setup.sh first (the VM uses this checkout, its build and its .venv)"

case ${1:-ci} in
  ci) allowed=(en/00-preflight en/06-cgroups) refused=(en/09-user-namespaces) ;;
  full) allowed=(en/00-preflight en/02-pid-namespace en/06-cgroups ja/06-cgroups en/09-user-namespaces)
        refused=(en/09-user-namespaces) ;;
  *) allowed=("$@") refused=() ;;
esac

boot() { # $1 allowed|refused, then notebooks
  local userns=$1 started code=0
  shift
  started=$(date +%s)
  echo "[test-learner-host] booting: systemd, cgroup v2, learner session; user namespaces $userns; notebooks: $*"
  QV2_SYSTEMD=1 QV2_USER=learner QV2_SUDO=password QV2_PASSWORD=$PASSWORD QV2_MEM=${QV2_MEM:-2048} \
    "$TOOL/run-in-v2.sh" "bash scripts/learner-host/in-session.sh $PASSWORD $userns $*" || code=$?
  echo "[test-learner-host] user namespaces $userns: exit $code in $(($(date +%s) - started)) s"
  return "$code"
}

status=0
boot allowed "${allowed[@]}" || status=1
((${#refused[@]} > 0)) && { boot refused "${refused[@]}" || status=1; }
exit "$status"
