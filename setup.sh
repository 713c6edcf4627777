#!/usr/bin/env bash
# nsbook's one set-up, used by the README, CI (.ci/run) and docker/. Idempotent: a second run installs
# nothing and takes seconds. Run it as yourself (it asks sudo for apt and /usr/local/bin) or as root.
# Works without a terminal (CI=true). The steps live in scripts/setup/*.sh.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: ./setup.sh [options]

Installs what nsbook needs on Debian 12 / Ubuntu 22.04+ / WSL2 and prepares this checkout:
system packages (apt), Jupyter, node_modules (npm ci), the build, the "nsbook (TypeScript)" kernel,
the default root filesystem, and `nsbook` on PATH.

  --jupyter=auto|lab|classic  auto (default): JupyterLab with pip into .venv when PyPI answers,
                              else Debian's classic notebook. Also NSBOOK_JUPYTER.
  --no-apt                    skip system packages (you installed them yourself)
  --no-pdf                    skip chromium-headless-shell and poppler-utils (PDF handouts)
  --with-v2-vm                also install qemu, for the cgroup v2 VM tests of nsbook's developers
  --relink                    point /usr/local/bin/nsbook here even if it points to another checkout
  --kernel-root=ask|yes|no    for a user who is not root: let the course's Jupyter kernel (and the nsbook
                              command) run as root through one sudo rule for you. ask (default): say what
                              it grants and ask, on a terminal. Also NSBOOK_KERNEL_ROOT.
                              See scripts/kernel-access.sh.
  -h, --help                  this help
EOF
}

WITH_APT=yes WITH_PDF=yes WITH_V2_VM=no RELINK=no
for arg in "$@"; do
  case $arg in
  --jupyter=*) export NSBOOK_JUPYTER=${arg#--jupyter=} ;;
  --no-apt) WITH_APT=no ;;
  --no-pdf) WITH_PDF=no ;;
  --with-v2-vm) WITH_V2_VM=yes ;;
  --relink) RELINK=yes ;;
  --kernel-root=*) export NSBOOK_KERNEL_ROOT=${arg#--kernel-root=} ;;
  -h | --help)
    usage
    exit 0
    ;;
  *)
    printf '[setup] ERROR: unknown option %s\n\n' "$arg" >&2
    usage >&2
    exit 2
    ;;
  esac
done

cd "$(dirname "$(readlink -f "$0")")"
# shellcheck source=scripts/setup/common.sh
. scripts/setup/common.sh
# shellcheck source=scripts/setup/distro.sh
. scripts/setup/distro.sh
# shellcheck source=scripts/setup/apt.sh
. scripts/setup/apt.sh
# shellcheck source=scripts/setup/jupyter.sh
. scripts/setup/jupyter.sh
# shellcheck source=scripts/setup/node.sh
. scripts/setup/node.sh
# shellcheck source=scripts/setup/project.sh
. scripts/setup/project.sh

START_MS=$(now_ms)
CHANGED=()
JUPYTER_KIND="not checked (--no-apt)"
NSBOOK_COMMAND="$PWD/bin/nsbook"

read_os_release
say "system: $DISTRO_NAME$(is_wsl && echo ' (WSL)'), $(uname -r), $(if [[ $EUID -eq 0 ]]; then echo root; else echo "user $(id -un)"; fi)${INVOKING_USER:+ (project steps as $INVOKING_USER)}, checkout $PWD"

if [[ $WITH_APT == yes ]] && ! is_apt_distro; then
  printf '[setup] ERROR: %s is not Debian, Ubuntu or a derivative with apt-get: this set-up cannot install the system packages.\n' "$DISTRO_NAME" >&2
  print_manual_install_list >&2
  exit 3
fi

check_node

if [[ $WITH_APT == yes ]]; then
  BASE_PACKAGES=(
    # canvas (chartjs-node-canvas) compiles from source against these
    build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev
    # the containers: the offline rootfs, ip, unshare/nsenter/mount, tar, ps
    busybox-static iproute2 util-linux tar procps
    # Jupyter's Python, and TLS roots for pip
    python3 ca-certificates
    # a Japanese font: the ja notebooks' charts and handouts show tofu without one
    fonts-ipafont-gothic
  )
  [[ $WITH_V2_VM == yes ]] && BASE_PACKAGES+=(qemu-system-x86 xz-utils)
  ensure_packages "system packages" "${BASE_PACKAGES[@]}"
  ensure_jupyter
  if [[ $WITH_PDF == yes ]]; then
    ensure_optional_packages "PDF handouts" chromium-headless-shell poppler-utils
  fi
else
  warn_missing_commands
fi

ensure_node_modules
ensure_build
ensure_kernelspec
ensure_trusted_notebooks
ensure_kernel_access
ensure_default_rootfs
ensure_escape_tool
ensure_nsbook_on_path

elapsed_ms=$(($(now_ms) - START_MS))
say "done in $((elapsed_ms / 1000)).$(printf '%03d' $((elapsed_ms % 1000)) | cut -c1) s"
say "summary:"
say "  jupyter: $JUPYTER_KIND"
say "  nsbook:  $NSBOOK_COMMAND (try: $NSBOOK_COMMAND doctor)"
if ((${#CHANGED[@]} == 0)); then
  say "  changed: nothing (everything was already in place)"
else
  changed=$(printf '%s, ' "${CHANGED[@]}")
  say "  changed: ${changed%, }"
fi
for line in "${SUMMARY[@]}"; do say "  $line"; done
say "next: npm run course (Jupyter with the nsbook kernel), npm test (all tests)"
