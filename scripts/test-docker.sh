#!/usr/bin/env bash
# The Docker image, built and run for real with podman (no Docker engine needed): builds docker/Dockerfile,
# runs it as docker/compose.yaml does (privileged, the host's cgroup namespace, tini as PID 1) and inside it
#   1. nsbook doctor (as root: every step must be runnable),
#   2. the notebook tests (vitest's "notebooks" project: every notebook in both languages, executed under
#      the real kernel, checked for errors, failed self-checks and leftovers; handouts; interrupts), as
#      jovyan (uid 1000) by default, as a JupyterHub single-user server runs them: Jupyter and vitest as
#      jovyan, the kernel as root through `sudo -n` and the course's rule,
#   3. the JupyterHub single-user path (docker/test-hub.sh): jupyterhub-singleuser as jovyan (uid 1000), started
#      by a real JupyterHub (LocalProcessSpawner); its redirect to the start page, a cell that runs a container,
#      and notebook 02 executed whole through the hub and judged as the notebook tests judge theirs,
#   4. the compose command (scripts/course.sh under tini) answering on its port,
# then checks that nothing was left on the host (cgroups, containers). One line per notebook, then a
# summary "docker: N passed, N failed". Exit 0 only when everything passed.
#
#   scripts/test-docker.sh [--install] [--no-build] [--only doctor|notebooks|hub|course]...
#
# As root, with podman (--install: apt-get install podman runc mmdebstrap when missing). The base image: $NSBOOK_DOCKER_BASE, else node:22-bookworm when podman has or can
# pull it, else the stand-in docker/local-base.sh builds (mmdebstrap + Node 22 from the npm registry).
# Environment:
#   NSBOOK_DOCKER_IMAGE   the image's tag (default localhost/nsbook:test)
#   NSBOOK_DOCKER_BASE    the base image (skips the pull and the stand-in)
#   NSBOOK_DOCKER_CA      a CA bundle for the build behind a TLS-intercepting proxy (default: the host's
#                         /etc/ssl/certs/ca-certificates.crt when it exists), passed as the secret "ca-bundle"
#   NSBOOK_DOCKER_RUNTIME the OCI runtime (default runc when installed: crun refuses cgroup v1 "hybrid"
#                         machines whose v2 hierarchy has controllers)
#   NSBOOK_HEAVY_LOCK     a lock file held while containers run (default /tmp/nsbook-heavy.lock; "" for none)
#   NSBOOK_DOCKER_NOTEBOOKS_USER  who runs the notebook tests: 1000 (jovyan, default) or 0 (root)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

IMAGE=${NSBOOK_DOCKER_IMAGE:-localhost/nsbook:test}
LOCK=${NSBOOK_HEAVY_LOCK-/tmp/nsbook-heavy.lock}
BUILD=yes INSTALL=no
ONLY=()
while (($# > 0)); do
  case $1 in
  --no-build) BUILD=no ;;
  --install) INSTALL=yes ;;
  --only)
    ONLY+=("$2")
    shift
    ;;
  -h | --help)
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
    exit 0
    ;;
  *)
    printf 'test-docker: unknown option %s\n' "$1" >&2
    exit 2
    ;;
  esac
  shift
done
wanted() { ((${#ONLY[@]} == 0)) || [[ " ${ONLY[*]} " == *" $1 "* ]]; }

started=$(date +%s)
say() { printf '[test-docker] %s (%d s)\n' "$*" $(($(date +%s) - started)); }
die() {
  printf '[test-docker] ERROR: %s\n' "$*" >&2
  exit 1
}
[[ $EUID -eq 0 ]] || die "run as root (the containers run privileged)"
if [[ $INSTALL == yes ]]; then
  missing=()
  for pkg in podman runc mmdebstrap; do command -v "$pkg" >/dev/null || missing+=("$pkg"); done
  if ((${#missing[@]} > 0)); then
    say "apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
command -v podman >/dev/null || die "podman not found (Debian: apt-get install podman runc mmdebstrap, or --install)"

# The lock other users of this machine take around heavy runs (notebooks, containers).
# The time it was taken goes to $LOCK_STAMP, so that durations can leave out the wait for it.
LOCK_STAMP=$(mktemp /tmp/nsbook-docker-lock.XXXXXX)
locked() {
  date +%s >"$LOCK_STAMP"
  if [[ -n $LOCK ]]; then
    flock "$LOCK" sh -c 'date +%s >"$0"; exec "$@"' "$LOCK_STAMP" "$@"
  else "$@"; fi
}
# "N s (+M s waiting for the lock)" since $1, a time taken before the last locked call.
took() {
  local now got
  now=$(date +%s)
  got=$(cat "$LOCK_STAMP" 2>/dev/null || echo "$1")
  printf '%d s (+%d s waiting for the lock)' $((now - got)) $((got - $1))
}

# podman's defaults that some machines refuse: crun on a hybrid cgroup host, and rlimits above the host's
# hard limits for a podman without CAP_SYS_RESOURCE (podman itself caps nproc at 32768).
PODMAN=(podman)
runtime=${NSBOOK_DOCKER_RUNTIME:-}
[[ -z $runtime ]] && command -v runc >/dev/null && runtime=runc
[[ -n $runtime ]] && PODMAN+=(--runtime "$runtime")
nofile=$(ulimit -Hn)
nproc=$(ulimit -Hu)
[[ $nofile == unlimited ]] && nofile=1048576
[[ $nproc == unlimited || $nproc -gt 32768 ]] && nproc=32768
LIMITS=(--ulimit "nofile=$nofile:$nofile" --ulimit "nproc=$nproc:$nproc")
# The containers' cgroups (podman's cgroupfs manager; the build's too) go below this script's own cgroup, not
# below podman's default /libpod_parent at the top of every hierarchy: a path below this process's cgroup in
# every v1 hierarchy at once, i.e. its deepest one when every other is an ancestor of it (on nsbook's
# machines: memory in /process_api/<id>, the others at /).
cgroup_parent() {
  local deepest="" path
  deepest=$(awk -F: '$1 != 0 { print $3 }' /proc/self/cgroup | awk '{ print length, $0 }' | sort -n | tail -1 | cut -d" " -f2-)
  [[ -n $deepest ]] || return 1
  while IFS= read -r path; do
    [[ $path == / || $path == "$deepest" || $deepest == "$path"/* ]] || return 1
  done < <(awk -F: '$1 != 0 { print $3 }' /proc/self/cgroup)
  printf '%s/nsbook-test-docker-%s\n' "${deepest%/}" "$$"
}
PARENT_ARGS=()
if CGROUP_PARENT=$(cgroup_parent); then
  PARENT_ARGS=(--cgroup-parent "$CGROUP_PARENT")
else
  CGROUP_PARENT=/libpod_parent
  printf '[test-docker] WARNING: this process'"'"'s cgroups differ between hierarchies; the containers go below podman'"'"'s /libpod_parent\n' >&2
fi
# What docker/compose.yaml asks for: privileged, the host's cgroup namespace (tini is the image's entrypoint).
RUN=("${PODMAN[@]}" run --rm --privileged --cgroupns=host "${LIMITS[@]}" "${PARENT_ARGS[@]}")

# A container name of ours, removed on exit whatever happens, and the (then empty) cgroup parent.
RUN_ID=nsbook-test-$$
cleanup() {
  local c d
  rm -f "$LOCK_STAMP"
  for c in $(podman ps -a --format '{{.Names}}' | grep "^$RUN_ID-" || true); do podman rm -f "$c" >/dev/null 2>&1 || true; done
  # podman made the parent and any missing ancestor (in the hierarchies where this process sits at /):
  # removed again, deepest first, those that did not exist before; rmdir leaves a cgroup that is not empty.
  for d in $(find /sys/fs/cgroup/*"$CGROUP_PARENT" -depth -type d 2>/dev/null) $(ancestors_made); do
    rmdir "$d" 2>/dev/null || true
  done
  return 0
}
# The parent's ancestors in every hierarchy, deepest first, that do not exist yet (recorded before any run).
ancestors_missing() {
  local p=${CGROUP_PARENT%/*} d
  while [[ -n $p ]]; do
    for d in /sys/fs/cgroup/*/; do [[ -d $d${p#/} ]] || printf '%s\n' "$d${p#/}"; done
    p=${p%/*}
  done
}
MISSING_BEFORE=$(ancestors_missing)
ancestors_made() { [[ $CGROUP_PARENT == /libpod_parent ]] || printf '%s\n' "${MISSING_BEFORE:-}"; }
trap cleanup EXIT

if [[ $BUILD == yes ]]; then
  base=${NSBOOK_DOCKER_BASE:-}
  if [[ -z $base ]]; then
    if podman image exists docker.io/library/node:22-bookworm ||
      timeout 60 podman pull -q docker.io/library/node:22-bookworm >/dev/null 2>&1; then
      base=docker.io/library/node:22-bookworm
    else
      say "node:22-bookworm cannot be pulled: the local stand-in (docker/local-base.sh)"
      t0=$(date +%s)
      locked bash docker/local-base.sh
      say "base image ready in $(took "$t0")"
      base=localhost/nsbook-base:node22-bookworm
    fi
  fi
  build=("${PODMAN[@]}" build --cap-add MKNOD "${LIMITS[@]}" "${PARENT_ARGS[@]}" --build-arg "BASE=$base"
    --ignorefile docker/Dockerfile.dockerignore -f docker/Dockerfile -t "$IMAGE")
  ca=${NSBOOK_DOCKER_CA-/etc/ssl/certs/ca-certificates.crt}
  [[ -n $ca && -s $ca ]] && build+=(--secret "id=ca-bundle,src=$ca")
  say "building $IMAGE from $base"
  # The image this build replaces: removed afterwards (podman keeps it untagged, ~2.5 GB each time).
  previous=$(podman image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
  t0=$(date +%s)
  log=$(mktemp /tmp/nsbook-docker-build.XXXXXX.log)
  # The build's RUN steps are containers too (namespaces, mounts): under the lock.
  if ! locked "${build[@]}" . >"$log" 2>&1; then
    tail -40 "$log" >&2
    die "podman build failed (log: $log)"
  fi
  rm -f "$log"
  say "image built in $(took "$t0")"
  if [[ -n $previous && $previous != "$(podman image inspect --format '{{.Id}}' "$IMAGE")" ]]; then
    podman rmi "$previous" >/dev/null 2>&1 || say "the previous $IMAGE ($previous) is still in use: kept"
  fi
fi
podman image exists "$IMAGE" || die "$IMAGE does not exist (run without --no-build)"

passed=0 failed=0
result() { # name ok|fail [detail]
  if [[ $2 == ok ]]; then
    passed=$((passed + 1))
    printf '[test-docker] PASS %s%s\n' "$1" "${3:+: $3}"
  else
    failed=$((failed + 1))
    printf '[test-docker] FAIL %s%s\n' "$1" "${3:+: $3}"
  fi
}

# Host cgroups below the containers' parent before the runs, to find any the runs leave (none yet is fine).
host_cgroups() { find /sys/fs/cgroup/*"$CGROUP_PARENT" -mindepth 1 -type d -name 'nsbook-*' 2>/dev/null | sort || true; }
cgroups_before=$(host_cgroups)

if wanted doctor; then
  say "nsbook doctor (root)"
  if out=$(locked "${RUN[@]}" --name "$RUN_ID-doctor" "$IMAGE" nsbook doctor 2>&1); then
    result "doctor (root): steps 1-11" "$([[ $out == *"✗"* ]] && echo fail || echo ok)" \
      "$(grep -E 'cgroup memory|Container ' <<<"$out" | sed 's/^ *//' | tr -s ' ' | paste -sd ';')"
  else
    printf '%s\n' "$out" | tail -40
    result "doctor (root)" fail "exit status not 0"
  fi
  # As jovyan (a JupyterHub single-user server): nsbook runs itself as root through `sudo -n` and the course's
  # rule (the image grants it to jovyan), as the course's kernel does, so doctor reports root and every step.
  out=$(locked "${RUN[@]}" --name "$RUN_ID-doctor-jovyan" --user 1000 "$IMAGE" nsbook doctor 2>&1) || true
  # Its first line: "nsbook doctor: Linux <release>, privilege mode <mode>".
  mode=$(grep -oE 'privilege mode [a-z]+' <<<"$out" | head -1 | awk '{ print $3 }' || true)
  blocked_steps=$(grep -E '^ +[✗!] +[0-9]+ ' <<<"$out" | awk '{ print $2 }' | paste -sd ' ' || true)
  if [[ $mode == root && -z $blocked_steps ]] && grep -q "through the course's sudo rule" <<<"$out"; then
    result "doctor (jovyan)" ok "root through the course's sudo rule, no step blocked"
  else
    printf '%s\n' "$out" | tail -40
    result "doctor (jovyan)" fail "mode ${mode:-?}, blocked steps: ${blocked_steps:-none} (expected root through the course's rule, none)"
  fi
fi

if wanted notebooks; then
  nb_user=${NSBOOK_DOCKER_NOTEBOOKS_USER:-1000}
  say "notebook tests inside the container as uid $nb_user (vitest --project notebooks, NSBOOK_REQUIRE_ALL=1)"
  t0=$(date +%s)
  log=$(mktemp /tmp/nsbook-docker-notebooks.XXXXXX.log)
  status=0
  # /course is root's (jovyan owns notebooks/ only): no vitest cache (node_modules/.vite).
  locked "${RUN[@]}" --name "$RUN_ID-notebooks" --user "$nb_user" -e CI=true -e NSBOOK_REQUIRE_ALL=1 "$IMAGE" \
    bash -c 'cd /course && npx vitest run --project notebooks --no-cache --reporter=verbose' >"$log" 2>&1 || status=$?
  # vitest's verbose lines: "   ✓ |notebooks| test/notebooks/notebooks.test.ts > ... > en/01-chroot.ipynb 5012ms".
  sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ +[✓×↓] ' | sed -E 's/^ +//' |
    while IFS= read -r line; do printf '[test-docker]   %s\n' "$line"; done
  # notebooks.test.ts's own line per notebook it executed: "  en/02-pid-namespace: 8.3 s, 12 checks, slowest cell ...".
  runs=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^  (en|ja)/[^ ]+: [0-9.]+ s, [0-9]+ checks' | sed 's/^  //' || true)
  while IFS= read -r line; do [[ -z $line ]] || printf '[test-docker]   %s\n' "$line"; done <<<"$runs"
  summary=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ +(Tests|Duration) +[0-9]' | sed -E 's/^ +//; s/ \(transform.*//' |
    paste -sd ';' || true)
  [[ -z $runs ]] || summary+=";$(awk '{ checks += $4 } END { printf "%d self-checks in %d notebooks", checks, NR }' <<<"$runs")"
  took=$(took "$t0")
  if ((status == 0)); then
    result "notebooks ($took)" ok "$summary"
    rm -f "$log"
  else
    sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -vE '^ +[✓↓] ' | tail -60
    result "notebooks ($took)" fail "${summary:-vitest exit $status} (log: $log)"
  fi
fi

if wanted hub; then
  say "JupyterHub single-user server as jovyan (docker/test-hub.sh inside the container)"
  # The hub's proxy is not in the image (a hub brings its own): installed here and mounted.
  chp=$(mktemp -d /tmp/nsbook-docker-chp.XXXXXX)
  npm install --silent --no-audit --no-fund --prefix "$chp" configurable-http-proxy@5 >/dev/null
  t0=$(date +%s)
  # Its checks ("hub: PASS ...") on stdout; JupyterHub's log on stderr, shown only when a check failed.
  hublog=$(mktemp /tmp/nsbook-docker-hub.XXXXXX.log)
  if locked "${RUN[@]}" --name "$RUN_ID-hub" -v "$chp:/opt/chp:ro" -v "$PWD/docker/test-hub.sh:/opt/test-hub.sh:ro" \
    "$IMAGE" bash /opt/test-hub.sh 2>"$hublog" | sed 's/^/[test-docker]   /'; then
    result "jupyterhub-singleuser as jovyan ($(took "$t0"))" ok
    rm -f "$hublog"
  else
    tail -30 "$hublog" | sed 's/^/[test-docker]   /'
    result "jupyterhub-singleuser as jovyan ($(took "$t0"))" fail "log: $hublog"
  fi
  rm -rf "$chp"
fi

if wanted course; then
  say "the compose command: scripts/course.sh under tini, port 8888"
  name=$RUN_ID-course
  port=$((18000 + RANDOM % 1000))
  # A container that lives across several commands: the lock is held on a descriptor from its start to its stop.
  # (not inherited by podman's conmon, which outlives the run command).
  exec {lock_fd}>>"${LOCK:-/dev/null}"
  [[ -z $LOCK ]] || flock "$lock_fd"
  # As compose runs it: notebooks/ mounted from the checkout, the port bound to 127.0.0.1.
  "${RUN[@]}" -d --name "$name" -p "127.0.0.1:$port:8888" -v "$PWD/notebooks:/course/notebooks" "$IMAGE" >/dev/null {lock_fd}>&-
  ok=fail detail="no answer on 127.0.0.1:$port in 60 s"
  for _ in $(seq 60); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/api/status" 2>/dev/null ||
      curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/status" 2>/dev/null | grep -q 403; then
      pid1=$(podman exec "$name" cat /proc/1/comm)
      child=$(podman exec "$name" sh -c 'cat /proc/$(cat /proc/1/task/1/children | cut -d" " -f1)/cmdline | tr "\0" " "')
      token=$(podman logs "$name" 2>&1 | grep -oE 'token=[0-9a-f]+' | head -1)
      if [[ $pid1 == tini && $child == *jupyter-lab* && -n $token ]] &&
        curl -fsS "http://127.0.0.1:$port/api/kernelspecs?$token" | grep -q '"default": *"nsbook"'; then
        ok=ok detail="PID 1 tini, its child ${child%% --*}, kernelspecs default nsbook"
      else
        detail="PID 1 $pid1, child $child, token ${token:-none}"
      fi
      break
    fi
    sleep 1
  done
  podman stop -t 5 "$name" >/dev/null 2>&1 || true
  exec {lock_fd}>&-
  result "compose command (course.sh)" "$ok" "$detail"
fi

leftover=$(comm -13 <(printf '%s\n' "$cgroups_before") <(host_cgroups) | grep . || true)
if [[ -n $leftover ]]; then
  result "no cgroups left on the host" fail "$(paste -sd ' ' <<<"$leftover")"
else
  result "no cgroups left on the host" ok
fi

say "finished"
echo "docker: $passed passed, $failed failed"
((failed == 0))
