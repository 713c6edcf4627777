# shellcheck shell=bash
# Shared by the parts of ./setup.sh: messages, the summary, and running a command as root or as the
# user who invoked the set-up. Sourced, not run.

# One line per step on stdout: "[setup] <what>: <detail>".
say() { printf '[setup] %s\n' "$*"; }
warn() { printf '[setup] WARNING: %s\n' "$*" >&2; }
die() {
  printf '[setup] ERROR: %s\n' "$*" >&2
  exit "${NSBOOK_DIE_CODE:-1}"
}

# Lines collected for the summary at the end.
SUMMARY=()
note() { SUMMARY+=("$*"); }

# Who we are. npm, the build, the kernelspec and the root filesystem belong to the invoking user, so that
# the checkout stays theirs; only apt and /usr/local/bin need root.
#   root, not via sudo      -> everything as root (CI, docker)
#   root via `sudo ./setup.sh` -> project steps as $SUDO_USER
#   a user                  -> system steps through sudo, project steps as the user
if [[ $EUID -eq 0 && -n ${SUDO_USER:-} && ${SUDO_USER} != root ]]; then
  INVOKING_USER=$SUDO_USER
else
  INVOKING_USER=
fi

# Runs "$@" as root: directly when we are root, else through sudo (which may ask for a password).
as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo -- "$@"
  else
    die "needs root for: $* (run ./setup.sh as root, or install sudo)"
  fi
}

# Whether we can become root without a question (root, or passwordless sudo).
can_be_root_quietly() {
  [[ $EUID -eq 0 ]] && return 0
  command -v sudo >/dev/null && sudo -n true 2>/dev/null
}

# Whether we can become root at all (a password prompt needs a terminal).
can_be_root() {
  can_be_root_quietly && return 0
  command -v sudo >/dev/null && [[ -t 0 ]]
}

# Runs "$@" as the invoking user, keeping PATH (so the same node and npm are used) and CI.
as_user() {
  if [[ -n $INVOKING_USER ]]; then
    sudo -u "$INVOKING_USER" -H -- env "PATH=$PATH" "CI=${CI:-}" "$@"
  else
    "$@"
  fi
}

# Writes "$2" and a newline to the file "$1", as the invoking user (so that it stays theirs).
write_as_user() {
  # shellcheck disable=SC2016 # $1 is expanded by the inner sh
  printf '%s\n' "$2" | as_user sh -c 'cat > "$1"' sh "$1"
}

# Milliseconds since the epoch, for the timings in the summary.
now_ms() { date +%s%3N; }
