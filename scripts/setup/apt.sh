# shellcheck shell=bash
# Debian/Ubuntu packages: install only what is missing, `apt-get update` at most once and only when
# something must be installed. Sourced.

export DEBIAN_FRONTEND=noninteractive
APT_UPDATED=no

# Whether a package is installed (dpkg's status, not whether some file exists).
pkg_installed() {
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

# The version apt would install, or nothing when the package is unknown to the current lists.
apt_candidate() {
  local v
  v=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { print $2; exit }')
  [[ $v == "(none)" ]] || printf '%s' "$v"
}

# The packages among "$@" that are not installed.
missing_packages() {
  local p
  for p in "$@"; do pkg_installed "$p" || printf '%s\n' "$p"; done
}

apt_update_once() {
  [[ $APT_UPDATED == yes ]] && return 0
  say "apt: apt-get update"
  as_root apt-get update -qq
  APT_UPDATED=yes
}

# Installs the packages in "$@" (all missing ones), saying which; fails with the command to run by hand
# when we cannot become root.
apt_install() {
  (($# > 0)) || return 0
  if ! can_be_root; then
    NSBOOK_DIE_CODE=3 die "cannot become root to install: $*
  Ask an administrator to run:  sudo apt-get install -y $*
  then run ./setup.sh again (or ./setup.sh --no-apt to skip this step)."
  fi
  apt_update_once
  say "apt: installing $*"
  local t0
  t0=$(now_ms)
  as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  note "apt: installed $* ($((($(now_ms) - t0) / 1000)) s)"
  CHANGED+=("apt: $*")
}

# Installs whichever of "$@" are missing; `label` names the group in the messages.
ensure_packages() {
  local label=$1
  shift
  local missing
  mapfile -t missing < <(missing_packages "$@")
  if ((${#missing[@]} == 0)); then
    say "apt: $label: all present"
    return 0
  fi
  apt_install "${missing[@]}"
}

# Like ensure_packages, but a package the apt lists do not offer (chromium-headless-shell on Ubuntu) is
# skipped with a note instead of failing.
ensure_optional_packages() {
  local label=$1
  shift
  local missing available=() unavailable=() p
  mapfile -t missing < <(missing_packages "$@")
  if ((${#missing[@]} == 0)); then
    say "apt: $label: all present"
    return 0
  fi
  for p in "${missing[@]}"; do
    if [[ -n $(apt_candidate "$p") ]]; then available+=("$p"); else unavailable+=("$p"); fi
  done
  if ((${#unavailable[@]} > 0)); then
    say "apt: $label: not offered by apt here, skipped: ${unavailable[*]}"
    note "$label: not installed (${unavailable[*]} not offered by apt)"
  fi
  if ((${#available[@]} > 0)); then
    if can_be_root; then
      apt_install "${available[@]}"
    else
      say "apt: $label: cannot become root, skipped: ${available[*]}"
    fi
  fi
}
