#!/usr/bin/env bash
# Runs inside the learner's systemd VM (scripts/test-learner-host.sh), as the learner in a logind session, from
# the checkout: what a learner does on Debian/Ubuntu with systemd and cgroup v2. Fails on the first shortfall.
#   in-session.sh PASSWORD USERNS(allowed|refused) NOTEBOOK...
set -uo pipefail
password=$1 userns=$2
shift 2
checkout=$PWD
fail() { printf '[learner-host] FAILED: %s\n' "$*"; exit 1; }
step() { printf '\n[learner-host] %s\n' "$*"; }
sudo_pw() { printf '%s\n' "$password" | sudo -S -p '' "$@"; }

# The cgroups systemd owns, and what they say: every directory not made by nsbook, with its subtree_control.
# nsbook may write only inside nsbook-*.scope units it started with Delegate=yes.
systemd_cgroups() {
  find /sys/fs/cgroup -mindepth 1 -type d | grep -v '/nsbook-[^/]*\.scope' | sort | while read -r d; do
    printf '%s %s\n' "${d#/sys/fs/cgroup}" "$(tr '\n' ' ' <"$d/cgroup.subtree_control")"
  done
}

step "who and where: $(id -un) (uid $(id -u)), $(systemctl --version | head -1), cgroup $(cut -d: -f3 /proc/self/cgroup)"
[[ $(stat -fc %T /sys/fs/cgroup) == cgroup2fs ]] || fail "not a pure cgroup v2 host"
[[ $(cut -d: -f3 /proc/self/cgroup) == */session-*.scope ]] || fail "not in a logind session scope"
before=$(systemd_cgroups)
session=$(cut -d: -f3 /proc/self/cgroup)

if [[ $userns == refused ]]; then
  step "user namespaces refused to everyone, as Ubuntu 24.04's AppArmor refuses them to users: user.max_user_namespaces=0"
  sudo_pw sysctl -qw user.max_user_namespaces=0 || fail "sysctl"
fi

step "./setup.sh's question, answered yes: the course's sudo rule (sudo asks the password once)"
sudo_pw "$checkout/scripts/kernel-access.sh" grant --user "$(id -un)" --yes | tail -1
scripts/kernel-access.sh status || fail "the rule does not work"

step "nsbook doctor as the learner (it runs as root through the rule, in a scope of its own)"
doctor_out=$(bin/nsbook doctor 2>&1)
doctor=$?
printf '%s\n' "$doctor_out"
if [[ $userns == refused ]]; then
  grep -q "user.max_user_namespaces=0" <<<"$doctor_out" || fail "doctor does not name user.max_user_namespaces=0"
else
  ((doctor == 0)) || fail "doctor exited $doctor: steps 1-7 should all run here"
  grep -q "systemd manages cgroups" <<<"$doctor_out" || fail "doctor does not say how cgroups are delegated"
fi

if [[ $userns == allowed ]]; then
  step "the OOM kill, from the CLI: nsbook run --memory 32M"
  code=0
  bin/nsbook run --memory 32M -- sh -c 'head -c 200m /dev/zero | tail' || code=$?
  ((code == 137)) || fail "the OOM kill exited $code, not 137"

  step "a detached container lives in a scope of nsbook's, not in the session"
  bin/nsbook run -d --name lh-box --memory 64M --pids 20 -- sleep 300 || fail "run -d"
  # Asked of the kernel, not of nsbook's state files: the cgroup v2 line of the container's PID 1.
  pid=$(bin/nsbook ps --json | node -e 'const all = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const box = all.find((c) => c.name === "lh-box"); console.log(box ? box.pid : "")')
  [[ -n $pid ]] || fail "nsbook ps does not list lh-box"
  where=$(sed -n 's/^0:://p' "/proc/$pid/cgroup")
  echo "its cgroup: $where"
  [[ $where == *"/nsbook-cli-"*".scope/"*"lh-box"* ]] || fail "its cgroup is not in an nsbook-cli-*.scope"
  bin/nsbook stop lh-box || fail "stop"
fi

step "notebooks through the learner's own Jupyter: $*"
nb=0
if [[ $userns == refused ]]; then
  # Each must stop at its first cell, naming the restriction, before creating anything.
  node --import tsx test/learner-host/run-notebooks.ts '--expect-stop=user\.max_user_namespaces' "$@" || nb=$?
else
  node --import tsx test/learner-host/run-notebooks.ts "$@" || nb=$?
fi

step "nothing left, and systemd's cgroups untouched"
left=$(bin/nsbook ps 2>&1)
echo "$left"
[[ $left == "no containers"* ]] || fail "containers left"
after=$(systemd_cgroups)
# systemd may start and stop units of its own meanwhile (timers): compare the cgroups present both times, and
# insist that the session's own subtree gained nothing.
changed=$(awk 'NR == FNR { before[$1] = $0; next } ($1 in before) && before[$1] != $0 { print "was: " before[$1] "\nnow: " $0 }' \
  <(echo "$before") <(echo "$after"))
[[ -z $changed ]] || { printf '%b\n' "$changed"; fail "nsbook changed the subtree_control of a cgroup of systemd's"; }
grown=$(comm -13 <(echo "$before" | cut -d' ' -f1) <(echo "$after" | cut -d' ' -f1) | grep "^$session/" || true)
[[ -z $grown ]] || fail "cgroups were created inside the login session: $grown"
grep -qx "$$" "/sys/fs/cgroup$session/cgroup.procs" || fail "this shell was moved out of $session"
stray=$(find /sys/fs/cgroup -type d -name 'nsbook-*' | grep -v '/nsbook-[^/]*\.scope' || true)
[[ -z $stray ]] || fail "nsbook cgroups outside its scopes: $stray"
echo "ok: $(wc -l <<<"$after") cgroups of systemd's as before; this shell still in $session"
((nb == 0)) || fail "a notebook fell short (see above)"
step "passed"
