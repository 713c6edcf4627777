#!/usr/bin/env bash
# Runs the cgroup integration tests on a real cgroup v2 kernel: Debian's kernel booted in qemu with
# cgroup_no_v1=all (../shared/tools/cgroup2-vm), twice - in the root cgroup, and in a non-root leaf that
# holds processes, as a systemd session's scope (QV2_CGROUP). Without the tool or qemu it skips loudly
# (exit 0), or fails when NSBOOK_REQUIRE_ALL=1.
#   scripts/test-v2.sh            both runs
#   scripts/test-v2.sh root|leaf  one of them
set -uo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

# shellcheck source=cgroup2-vm.sh
. scripts/cgroup2-vm.sh
LEAF=/user.slice/nsbook-test.scope
CMD='node_modules/.bin/vitest run --config test/v2vm/vitest.config.ts'

require_vm "the cgroup v2 VM tests"

modes=("${@:-root leaf}")
read -r -a modes <<<"${modes[*]}"
# Judges one run: it passes only when the guest exits 0 and vitest's summary reports no failure. vitest's own
# summary line is quoted either way, so a crash after a clean summary (exit 139 was one: node-canvas in a
# worker thread, see test/v2vm/vitest.config.ts) reads as what it is.
judge() { # $1 mode, $2 exit code, $3 output file
  local summary
  summary=$(sed 's/\x1b\[[0-9;]*m//g' "$3" | grep -E '^ +Tests +[0-9]' | tail -n 1 | sed 's/^ *//')
  if [[ $2 != 0 || -z $summary || $summary == *failed* ]]; then
    echo "[test-v2] $1: FAILED (exit $2; ${summary:-no vitest summary})"
    return 1
  fi
  echo "[test-v2] $1: ok ($summary)"
  return 0
}

status=0
out=$(mktemp)
for mode in "${modes[@]}"; do
  started=$(date +%s)
  code=0
  case $mode in
    root) echo "[test-v2] cgroup v2, root cgroup: $CMD"
          env -u QV2_CGROUP "$TOOL/run-in-v2.sh" "$CMD" 2>&1 | tee "$out" || code=$? ;;
    leaf) echo "[test-v2] cgroup v2, non-root leaf $LEAF with processes: $CMD"
          QV2_CGROUP=$LEAF "$TOOL/run-in-v2.sh" "$CMD" 2>&1 | tee "$out" || code=$? ;;
    *) echo "usage: $0 [root|leaf]..." >&2; exit 2 ;;
  esac
  judge "$mode" "$code" "$out" || status=1
  echo "[test-v2] $mode: $(($(date +%s) - started)) s"
done
rm -f "$out"
exit "$status"
