# shellcheck shell=bash
# shellcheck disable=SC2034 # the variables set here are read by setup.sh
# Which distribution this is (from /etc/os-release), and what to install by hand where we cannot. Sourced.

# What the course needs, for a distribution this set-up cannot install on.
print_manual_install_list() {
  cat <<'EOF'
[setup] Install these yourself (names are Debian's; your distribution's are similar):
  - Node.js >= 20.19 (20.x) or >= 22.12 (22.x and later), with npm
  - Python 3 with Jupyter: `pip install jupyterlab` (or: notebook, nbconvert, nbclient, jupyter_client)
  - canvas build dependencies: a C/C++ toolchain (gcc, g++, make), pkg-config, and the development
    headers of cairo, pango, libjpeg, giflib and librsvg
    (Debian: build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev;
     Fedora: gcc-c++ make pkgconf cairo-devel pango-devel libjpeg-turbo-devel giflib-devel librsvg2-devel)
  - a statically linked busybox (Debian: busybox-static; Fedora: busybox), for the offline root filesystem
  - iproute2 (ip), util-linux (unshare, nsenter, mount), tar, procps (ps)
  - optional, for PDF handouts: a headless Chromium and poppler-utils
[setup] Then run the project part of the set-up:  ./setup.sh --no-apt
EOF
}

# Sets DISTRO_ID / DISTRO_LIKE / DISTRO_NAME from /etc/os-release (in a subshell: it defines many names).
# NSBOOK_OS_RELEASE names another file, to try the set-up's answer on other distributions.
read_os_release() {
  local file=${NSBOOK_OS_RELEASE:-/etc/os-release} fields
  DISTRO_ID=unknown DISTRO_LIKE="" DISTRO_NAME="an unknown system"
  [[ -r $file ]] || return 0
  # shellcheck source=/dev/null
  fields=$(. "$file" && printf '%s\n%s\n%s\n' "${ID:-unknown}" "${ID_LIKE:-}" "${PRETTY_NAME:-${NAME:-unknown}}")
  DISTRO_ID=$(sed -n 1p <<<"$fields")
  DISTRO_LIKE=$(sed -n 2p <<<"$fields")
  DISTRO_NAME=$(sed -n 3p <<<"$fields")
}

# Whether this is Debian, Ubuntu or a derivative with apt-get (WSL2's Ubuntu included).
is_apt_distro() {
  command -v apt-get >/dev/null && command -v dpkg-query >/dev/null || return 1
  case " $DISTRO_ID $DISTRO_LIKE " in
  *" debian "* | *" ubuntu "*) return 0 ;;
  *) return 1 ;;
  esac
}

# Whether we run under WSL (the kernel says so in its release string).
is_wsl() {
  grep -qi microsoft /proc/sys/kernel/osrelease 2>/dev/null
}

# With --no-apt: warns about the programs the course runs that are not on PATH.
warn_missing_commands() {
  local cmd missing=()
  for cmd in busybox ip unshare nsenter mount tar ps python3; do
    command -v "$cmd" >/dev/null || missing+=("$cmd")
  done
  command -v jupyter-lab >/dev/null || command -v jupyter-notebook >/dev/null || [[ -x .venv/bin/jupyter-lab ]] ||
    missing+=(jupyter-lab/jupyter-notebook)
  if ((${#missing[@]} > 0)); then
    warn "not on PATH: ${missing[*]} (README.md, Requirements, lists what to install)"
  else
    say "apt: skipped (--no-apt); the programs the course runs are on PATH"
  fi
}
