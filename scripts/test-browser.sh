#!/usr/bin/env bash
# The course in a real browser, as a learner uses it: a throw-away user who is not root clones the project, runs
# ./setup.sh (JupyterLab from PyPI, pinned), is given the course's sudo rule, and starts `npm run course`; then
# test/browser/course.e2e.ts drives Debian's chromium (playwright-core) through JupyterLab: notebooks opened from
# the file browser and run cell by cell with Shift-Enter, the self-checks, the live chart, interrupt, restart,
# a cell run out of order, and JupyterLab's own HTML export. Run as root; it removes the user again.
#
#   scripts/test-browser.sh [STEP...]     default: every step (see STEPS in test/browser/course.e2e.ts)
#
# NSBOOK_BROWSER_JUPYTER=classic tests the fallback for machines without PyPI instead: the learner's ./setup.sh
# finds no PyPI (PIP_INDEX_URL points at a closed port), the administrator has installed Debian's Jupyter (what
# ./setup.sh asks for when it cannot use sudo; this script installs it, and removes afterwards what it installed),
# and `npm run course` serves the start page in the classic notebook, where notebook 00 runs green.
#
# Screenshots and the exported HTML go to test/browser/artifacts/ (classic: its classic/ folder; git-ignored;
# NSBOOK_BROWSER_ARTIFACTS).
# NSBOOK_BROWSER_REUSE=1 keeps the learner (and their set-up) for the next run, which then skips the set-up.
# Other engineers run containers on this machine: NSBOOK_BROWSER_LOCK=/tmp/nsbook-heavy.lock (see below).
# The whole script is one block, which bash reads before it runs any of it: editing the file (a git pull, a branch
# switch) while a run waits for the lock or drives the browser cannot change what the run does.
{
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
[[ $EUID -eq 0 ]] || { echo "test-browser: run as root (it creates and removes a user)" >&2; exit 2; }
command -v sudo >/dev/null || { echo "test-browser: needs sudo (apt-get install sudo)" >&2; exit 2; }

kind=${NSBOOK_BROWSER_JUPYTER:-lab}
[[ $kind == lab || $kind == classic ]] || { echo "test-browser: NSBOOK_BROWSER_JUPYTER=$kind: expected lab or classic" >&2; exit 2; }
default_user=nsbook-browser
[[ $kind == classic ]] && default_user=nsbook-classic
user=${NSBOOK_BROWSER_LEARNER:-$default_user}
home=/home/$user
clone=$home/nsbook
port=${NSBOOK_BROWSER_PORT:-18931}
token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
artifacts=$PWD/test/browser/artifacts
[[ $kind == classic ]] && artifacts+=/classic
artifacts=${NSBOOK_BROWSER_ARTIFACTS:-$artifacts}
reuse=${NSBOOK_BROWSER_REUSE:-0}
jupyter_pid=""
say() { printf '\n[browser] %s\n' "$*"; }
as_learner() { su - "$user" -c "cd $clone && $*"; }

remove_learner() {
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
stop_jupyter() {
  [[ -n $jupyter_pid ]] || return 0
  say "stopping the learner's Jupyter"
  # Its process group: npm, course.sh and jupyter-lab (which shuts its kernels down on SIGTERM).
  kill -TERM -- "-$jupyter_pid" 2>/dev/null || true
  for _ in $(seq 20); do kill -0 "$jupyter_pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$jupyter_pid" 2>/dev/null || true
  jupyter_pid=""
}
# Debian packages this run installed for the classic notebook (removed again at the end).
installed_here=()
remove_installed_packages() {
  ((${#installed_here[@]} > 0)) || return 0
  say "removing the Debian packages this run installed (${#installed_here[@]})"
  apt-get purge -y -q "${installed_here[@]}" >/dev/null 2>&1 || echo "[browser] WARNING: could not remove ${installed_here[*]}" >&2
  installed_here=()
}
cleanup() {
  stop_jupyter
  if [[ $reuse == 1 ]]; then
    say "kept $user (NSBOOK_BROWSER_REUSE=1)"
  else
    remove_learner
    remove_installed_packages
  fi
}

# The browser: NSBOOK_CHROMIUM, else Debian's chromium, else its headless shell (./setup.sh installs that one
# for PDF handouts, so a machine set up by ./setup.sh needs nothing more), else the headless shell from apt.
chromium=${NSBOOK_CHROMIUM:-}
if [[ -z $chromium ]]; then
  for c in /usr/bin/chromium /usr/bin/chromium-headless-shell; do [[ -x $c ]] && { chromium=$c; break; }; done
fi
if [[ -z $chromium ]]; then
  say "installing Debian's chromium-headless-shell"
  apt-get install -y -q --no-install-recommends chromium-headless-shell >/dev/null ||
    { apt-get update -qq && apt-get install -y -q --no-install-recommends chromium-headless-shell >/dev/null; }
  chromium=/usr/bin/chromium-headless-shell
fi
[[ -x $chromium ]] || { echo "test-browser: no browser at $chromium" >&2; exit 2; }
export NSBOOK_CHROMIUM=$chromium
[[ -d node_modules/playwright-core ]] || { echo "test-browser: npm ci first (playwright-core is a devDependency)" >&2; exit 2; }
# Time bounds: a hung set-up or browser step fails the run instead of holding CI (seconds; measured on 2 cores shared
# with other work: the learner's set-up 48-121 s, the nine steps 205-280 s; classic: set-up 46 s, its step 5 s).
setup_limit=${NSBOOK_BROWSER_SETUP_LIMIT:-1500}
steps_limit=${NSBOOK_BROWSER_STEPS_LIMIT:-1200}
# On a machine shared with others who run containers, NSBOOK_BROWSER_LOCK=/tmp/nsbook-heavy.lock takes that lock
# for the part that runs containers (Jupyter and the steps), not for the learner's set-up.
lock=${NSBOOK_BROWSER_LOCK:-}

ready_mark=$home/.nsbook-browser-ready
if [[ $reuse == 1 && -f $ready_mark ]]; then
  say "reusing $user and their set-up (NSBOOK_BROWSER_REUSE=1): updating the clone"
  no_pypi=""
  [[ $kind == classic ]] && no_pypi="PIP_INDEX_URL=http://127.0.0.1:9/simple"
  as_learner "git checkout -q -- notebooks && git pull -q --ff-only && $no_pypi ./setup.sh </dev/null >/dev/null"
  trap cleanup EXIT
else
  if id "$user" >/dev/null 2>&1; then remove_learner; fi
  trap cleanup EXIT
  say "a learner: $user, sudo with a password"
  useradd -m -s /bin/bash "$user"
  echo "$user:learner-password" | chpasswd
  echo "$user ALL=(ALL:ALL) ALL" >"/etc/sudoers.d/90-$user"
  chmod 0440 "/etc/sudoers.d/90-$user"
  # No internet here: node-gyp must find Node's headers on disk.
  [[ -d /usr/include/node ]] && su - "$user" -c 'echo nodedir=/usr >~/.npmrc'
  su - "$user" -c "git config --global --add safe.directory '*' && git clone -q $PWD $clone"
  setup_env=""
  if [[ $kind == classic ]]; then
    # What ./setup.sh asks an administrator to install when it finds no PyPI and cannot use sudo itself.
    mapfile -t debian_jupyter < <(bash -c '. scripts/setup/jupyter.sh; printf "%s\n" "${DEBIAN_JUPYTER_PACKAGES[@]}"')
    say "the administrator installs Debian's Jupyter: ${debian_jupyter[*]}"
    before=$(dpkg-query -W -f='${Package}\n' | sort)
    apt-get install -y -q --no-install-recommends "${debian_jupyter[@]}" >/dev/null ||
      { apt-get update -qq && apt-get install -y -q --no-install-recommends "${debian_jupyter[@]}" >/dev/null; }
    mapfile -t installed_here < <(comm -13 <(echo "$before") <(dpkg-query -W -f='${Package}\n' | sort))
    echo "[browser] installed ${#installed_here[@]} package(s)"
    # No PyPI: pip's index is a closed port.
    setup_env="PIP_INDEX_URL=http://127.0.0.1:9/simple"
  fi
  say "the learner's ./setup.sh (as $user, no terminal${setup_env:+, $setup_env})"
  t0=$(date +%s)
  setup_log=$(mktemp /tmp/nsbook-browser-setup.XXXXXX.log)
  as_learner "$setup_env timeout $setup_limit ./setup.sh </dev/null" >"$setup_log" 2>&1 ||
    { tail -30 "$setup_log"; echo "[browser] FAILED: the learner's ./setup.sh failed or took over $setup_limit s" >&2; exit 1; }
  # Which Jupyter it chose and why (a fallback warns), then its summary.
  grep -E '^\[setup\] (jupyter: |WARNING: )' "$setup_log" || true
  tail -12 "$setup_log"
  echo "[browser] set-up took $(($(date +%s) - t0)) s"
  if [[ $kind == classic ]]; then
    grep -q "PyPI does not answer" "$setup_log" || { echo "[browser] FAILED: ./setup.sh did not notice that PyPI does not answer" >&2; exit 1; }
    [[ ! -e $clone/.venv ]] || { echo "[browser] FAILED: ./setup.sh made a .venv without PyPI" >&2; exit 1; }
  fi
  rm -f "$setup_log"
  say "the course's sudo rule for $user"
  "$clone/scripts/kernel-access.sh" grant --user "$user" --yes | tail -1
  as_learner "bin/nsbook rootfs default </dev/null >/dev/null"
  touch "$ready_mark"
fi
if [[ $kind == lab ]]; then
  [[ -x $clone/.venv/bin/jupyter-lab ]] || { echo "[browser] FAILED: ./setup.sh did not install JupyterLab" >&2; exit 1; }
  app=ServerApp
else
  app=NotebookApp
fi

if [[ -n $lock && -z ${NSBOOK_BROWSER_LOCKED:-} ]]; then
  say "waiting for $lock (containers of others on this machine)"
  exec 9>"$lock"
  flock 9
  export NSBOOK_BROWSER_LOCKED=1
fi
# Containers that were there before (another user's on a shared machine): not this run's to answer for.
before_run=$("$clone/bin/nsbook" ps -q | sort)
[[ -z $before_run ]] || echo "[browser] $(wc -l <<<"$before_run") container(s) of others were there before this run: not counted"
say "npm run course as $user, on port $port"
log=$(mktemp /tmp/nsbook-browser-jupyter.XXXXXX.log)
chmod 644 "$log"
# su starts the command in a session of its own: the learner's shell writes its PID (npm's, the group of npm,
# course.sh and jupyter-lab) for stop_jupyter. port_retries=0: fail rather than serve on another port.
pidfile=$home/.nsbook-browser-jupyter.pid
rm -f "$pidfile"
su - "$user" -c "cd $clone && echo \$\$ >$pidfile && exec npm run course -- --no-browser --port=$port \
  --$app.port_retries=0 --$app.token=$token" >"$log" 2>&1 &
for _ in $(seq 20); do [[ -s $pidfile ]] && break; sleep 0.25; done
jupyter_pid=$(cat "$pidfile")
for _ in $(seq 60); do
  # Node's fetch, not curl: a fresh Debian 12 set up by ./setup.sh may have no curl.
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
    "http://127.0.0.1:$port/api/status?token=$token" && break
  kill -0 "$jupyter_pid" 2>/dev/null || { cat "$log"; echo "[browser] FAILED: Jupyter exited" >&2; exit 1; }
  sleep 0.5
done
grep -E '^\[course\]|http://127' "$log" | head -4

say "the browser tests"
mkdir -p "$artifacts"
rm -f "$artifacts"/*.png "$artifacts"/*.html "$artifacts"/results.json
status=0
NSBOOK_BROWSER_JUPYTER=$kind NSBOOK_BROWSER_URL=http://127.0.0.1:$port NSBOOK_BROWSER_TOKEN=$token NSBOOK_BROWSER_CLONE=$clone \
  NSBOOK_BROWSER_ARTIFACTS=$artifacts timeout -k 10 "$steps_limit" node --import tsx test/browser/course.e2e.ts "$@" ||
  status=$?
((status == 124 || status == 137)) && echo "[browser] FAILED: the steps took over $steps_limit s" >&2
stop_jupyter
cp "$log" "$artifacts/jupyter.log"
rm -f "$log"

say "nothing left behind"
left=$(comm -13 <(echo "$before_run") <("$clone/bin/nsbook" ps -q | sort) | paste -sd' ')
[[ -z $left ]] || { echo "[browser] FAILED: containers left: $left" >&2; status=1; }
kernels=$(pgrep -u 0 -f "$clone/dist/kernel/main.js" || true)
[[ -z $kernels ]] || { echo "[browser] FAILED: root kernels still running: $kernels" >&2; status=1; }
((status == 0)) && say "passed"
exit "$status"
}
