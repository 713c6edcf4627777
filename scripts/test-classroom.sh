#!/usr/bin/env bash
# The classroom test (issue 13): JupyterHub on this machine with N learner accounts (default 5, created and
# removed here); each logs in through the hub's HTTP API, starts their own server, and all of them execute
# notebooks 02, 06 and 07 at the same moment through their own servers (kernel websocket API via the hub's
# proxy). Passes when every self-check is green (test/notebooks' own analysis), every learner's kernel ran for
# them (their scope, an owner no one else had), and nothing is left afterwards: no process of theirs, no state,
# cgroup, interface, netns or mount of nsbook's that was not there before. Prints time and memory per learner.
#   scripts/test-classroom.sh [--learners N] [--port PORT] [--keep-output DIR]
# Runs as root; holds /tmp/nsbook-heavy.lock for the whole run (takes it, unless it was started under
# `flock /tmp/nsbook-heavy.lock` or with NSBOOK_HEAVY_LOCK_HELD=1). Needs classroom/setup.sh (it runs it:
# idempotent, installs once).
set -euo pipefail
checkout=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$checkout"
learners=5 port=18600 keep=""
while (($#)); do
  case $1 in
    --learners) learners=${2:?}; shift 2 ;;
    --port) port=${2:?}; shift 2 ;;
    --keep-output) keep=${2:?}; shift 2 ;;
    *) sed -n '8p' "$0" | sed 's/^# //' >&2; exit 2 ;;
  esac
done
[[ $learners =~ ^[1-9][0-9]?$ ]] || { echo "test-classroom: --learners $learners: expected 1-99" >&2; exit 2; }
# Skips loudly; under NSBOOK_REQUIRE_ALL=1 (CI) a skip is a failure.
skip() {
  echo "test-classroom: SKIPPED: $*" >&2
  [[ ${NSBOOK_REQUIRE_ALL:-} == 1 ]] && { echo "test-classroom: NSBOOK_REQUIRE_ALL=1: failing instead" >&2; exit 1; }
  exit 0
}
[[ $EUID -eq 0 ]] || skip "needs root (creates users, runs JupyterHub as root)"
for tool in useradd chpasswd sudo visudo npm curl; do
  command -v "$tool" >/dev/null || skip "$tool is missing"
done
# Held already when an ancestor's flock(1) passed us its locked descriptor (`flock /tmp/nsbook-heavy.lock
# scripts/test-classroom.sh`): taking it again through a new open() would wait for ourselves forever.
holds_heavy_lock() {
  local fd
  for fd in /proc/$$/fd/*; do
    [[ $(readlink "$fd" 2>/dev/null) == /tmp/nsbook-heavy.lock ]] && return 0
  done
  return 1
}
if [[ -z ${NSBOOK_HEAVY_LOCK_HELD:-} ]] && ! holds_heavy_lock; then
  echo "test-classroom: waiting for /tmp/nsbook-heavy.lock"
  exec flock /tmp/nsbook-heavy.lock env NSBOOK_HEAVY_LOCK_HELD=1 "$0" --learners "$learners" --port "$port" ${keep:+--keep-output "$keep"}
fi

t_start=$(date +%s)
bash classroom/setup.sh
npm run build >/dev/null
tsx=$checkout/node_modules/.bin/tsx
py=$checkout/.venv-classroom/bin/python
work=$(mktemp -d /tmp/nsbook-classroom.XXXXXX)
chmod 700 "$work"
names=()
for i in $(seq 1 "$learners"); do names+=("nsbcls$i"); done
hub_pid="" sampler_pid="" drive_pid="" group_made=no
getent group nsbook-learners >/dev/null || group_made=yes

leftovers() { "$tsx" -e 'import { nsbookLeftovers } from "./test/notebooks/support/leftovers.ts"; console.log(nsbookLeftovers().join("\n"))'; }

cleanup() {
  local status=$?
  set +e
  [[ -n $drive_pid ]] && kill -KILL "$drive_pid" 2>/dev/null && wait "$drive_pid" 2>/dev/null
  [[ -n $sampler_pid ]] && kill -TERM "$sampler_pid" 2>/dev/null && wait "$sampler_pid" 2>/dev/null
  if [[ -n $hub_pid ]] && kill -0 "$hub_pid" 2>/dev/null; then
    # SIGTERM: JupyterHub stops every learner's server and its proxy (cleanup_servers, cleanup_proxy).
    kill -TERM "$hub_pid"
    for _ in $(seq 1 60); do kill -0 "$hub_pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$hub_pid" 2>/dev/null && kill -KILL "$hub_pid"
    wait "$hub_pid" 2>/dev/null
  fi
  # Kernels end with their servers; their reapers remove their containers. Give them a moment.
  for _ in $(seq 1 40); do
    busy=no
    for n in "${names[@]}"; do
      id "$n" >/dev/null 2>&1 && pgrep -U "$n" >/dev/null && busy=yes
      compgen -G "/run/nsbook/@$n" >/dev/null && busy=yes
    done
    [[ $busy == no ]] && break
    sleep 0.5
  done
  for n in "${names[@]}"; do
    if id "$n" >/dev/null 2>&1; then
      if pgrep -U "$n" >/dev/null; then
        echo "test-classroom: LEFT BEHIND: processes of $n: $(pgrep -U "$n" | tr '\n' ' ')" >&2
        status=1
      fi
      bash classroom/learners.sh remove --delete-user "$n" >/dev/null || status=1
    fi
    # What the test made for $n must go even when a step above failed: the account, its home, the sudo rule and
    # the root helper (scripts/kernel-access.sh grant).
    if id "$n" >/dev/null 2>&1; then
      kill -KILL $(pgrep -U "$n") 2>/dev/null; sleep 0.5; userdel "$n" 2>/dev/null
      echo "test-classroom: user $n needed a second try to be deleted" >&2; status=1
    fi
    for made in "/home/$n" "/etc/sudoers.d/zz-nsbook-$n" "/usr/local/libexec/nsbook/root-for-$n"; do
      if [[ -e $made ]]; then
        echo "test-classroom: LEFT BEHIND: $made (removed now)" >&2; rm -rf "$made"; status=1
      fi
    done
  done
  # The learners' group, when this run made it and no one else is in it.
  if [[ $group_made == yes ]] && getent group nsbook-learners >/dev/null &&
    [[ -z $(getent group nsbook-learners | cut -d: -f4) ]]; then
    groupdel nsbook-learners || status=1
  fi
  [[ -n $keep ]] && { mkdir -p "$keep"; cp -r "$work"/. "$keep"/; }
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

before=$(leftovers)
lines=()
for n in "${names[@]}"; do
  id "$n" >/dev/null 2>&1 && { echo "test-classroom: user $n exists already: not mine to use" >&2; names=(); exit 1; }
done
bash classroom/learners.sh add "${names[@]}" >/dev/null
pairs=()
for n in "${names[@]}"; do
  password=$(head -c 12 /dev/urandom | base64 | tr -d '/+=')
  echo "$n:$password" | chpasswd
  lines+=("$n $password")
  pairs+=("$n:$(id -u "$n")")
done
echo "test-classroom: ${#names[@]} learners: ${names[*]}"

NSBOOK_CLASSROOM_STATE=$work/hub setsid bash classroom/hub.sh --port "$port" >"$work/hub.log" 2>&1 &
hub_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/hub/api" >/dev/null 2>&1 && break
  kill -0 "$hub_pid" 2>/dev/null || { echo "test-classroom: the hub died:"; tail -20 "$work/hub.log"; exit 1; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/hub/api" >/dev/null || { echo "test-classroom: the hub did not answer"; tail -20 "$work/hub.log"; exit 1; }
echo "test-classroom: hub up on 127.0.0.1:$port ($(($(date +%s) - t_start)) s since start)"

"$py" test/classroom/sample_class.py "$work/sample.json" /run/nsbook "${pairs[@]}" &
sampler_pid=$!
t_run=$(date +%s)
drive_status=0
# In the background, waited for: bash runs a trap only once the foreground command ends, and a SIGTERM to this
# script must clean up now, not after the class has finished its notebooks.
printf '%s\n' "${lines[@]}" >"$work/learners"
"$py" test/classroom/drive_learners.py "http://127.0.0.1:$port" "$work/out" \
  nsbook/notebooks/en/02-pid-namespace.ipynb nsbook/notebooks/en/06-cgroups.ipynb \
  nsbook/notebooks/en/07-multiple-containers.ipynb <"$work/learners" &
drive_pid=$!
wait "$drive_pid" || drive_status=$?
drive_pid=""
run_s=$(($(date +%s) - t_run))
kill -TERM "$sampler_pid"; wait "$sampler_pid" || true; sampler_pid=""

check_status=0
"$tsx" test/classroom/check-class.ts "$work/out" "${pairs[@]}" || check_status=$?

# Nothing left: stop the hub (and with it every server), then compare with the start.
kill -TERM "$hub_pid"
for _ in $(seq 1 60); do kill -0 "$hub_pid" 2>/dev/null || break; sleep 0.5; done
wait "$hub_pid" 2>/dev/null || true
hub_pid=""
for _ in $(seq 1 40); do
  compgen -G "/run/nsbook/@nsbcls*" >/dev/null || break
  sleep 0.5
done
after=$(leftovers)
left=$(comm -13 <(sort <<<"$before") <(sort <<<"$after") | sed '/^$/d')
left_status=0
if [[ -n $left ]]; then
  echo "test-classroom: LEFT BEHIND:"; echo "$left"; left_status=1
fi
for n in "${names[@]}"; do
  if pgrep -U "$n" >/dev/null || compgen -G "/run/nsbook/@$n" >/dev/null; then
    echo "test-classroom: LEFT BEHIND: processes or state of $n"; left_status=1
  fi
done

echo "test-classroom: notebooks 02, 06, 07 by ${#names[@]} learners at once: ${run_s} s (the whole test: $(($(date +%s) - t_start)) s)"
"$py" - "$work/sample.json" "$run_s" "${#names[@]}" <<'EOF2'
import json, sys
s, run_s, n = json.load(open(sys.argv[1])), int(sys.argv[2]), int(sys.argv[3])
each = lambda d: ", ".join(f"{k} {v}" for k, v in d.items())  # noqa: E731
print("test-classroom: peak memory per learner (their Jupyter server, root kernels, containers), MiB: "
      f"PSS {each(s['peakPssMiB'])}; RSS {each(s['peakRssMiB'])}")
print(f"test-classroom: all {n} learners together at peak: PSS {s['peakTotalPssMiB']} MiB "
      f"({s['peakTotalPssMiB'] // n} MiB each), RSS {s['peakTotalRssMiB']} MiB (counts shared code again in every process); "
      f"the machine's MemAvailable went from {s['memAvailableMiB']['first']} to at lowest "
      f"{s['memAvailableMiB']['lowest']} MiB (other users of the machine move it too)")
cpu = s["cpuSeconds"]
print(f"test-classroom: CPU seconds per learner (their processes and what they waited for): {each(cpu)}; "
      f"together {round(sum(cpu.values()), 1)} of {2 * run_s} available on 2 cores in {run_s} s")
print(f"test-classroom: at most {s['sameNamePeak']['count']} learners held a container named "
      f"{s['sameNamePeak']['name']} at the same moment")
EOF2
if ((drive_status || check_status || left_status)); then
  echo "test-classroom: FAILED (drive $drive_status, checks $check_status, leftovers $left_status)"; tail -30 "$work/hub.log" >&2
  exit 1
fi
echo "test-classroom: PASSED"
