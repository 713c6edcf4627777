#!/usr/bin/env bash
# Gives a user - or takes back - the right to run the nsbook course as root: the Jupyter kernel and the
# nsbook command, through one sudo rule naming one root-owned program.
#
#   scripts/kernel-access.sh grant  [--user NAME] [--yes]   say what it grants, ask, then install (as root)
#   scripts/kernel-access.sh revoke [--user NAME]           remove the rule and the program (as root)
#   scripts/kernel-access.sh status [--user NAME]           what is installed, and whether sudo accepts it
#   scripts/kernel-access.sh explain [--user NAME]          only say what grant would install, and why
#
# What grant installs, for user NAME and this checkout:
#   /usr/local/libexec/nsbook/root-for-NAME   root-owned; runs this checkout's kernel or nsbook command as root
#   /etc/sudoers.d/zz-nsbook-NAME             "NAME ALL=(root) NOPASSWD: <that program>", checked with visudo
# Why: Jupyter runs as the learner and cannot answer a password prompt, while namespaces, mounts and cgroups
# need root. The original course ran each step with `sudo ./stepN.sh`; this is that, once, for the kernel.
set -euo pipefail
checkout=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
# shellcheck source=kernel/root-helper-path.sh
. "$checkout/scripts/kernel/root-helper-path.sh"

usage() { sed -n '5,8p' "$0" | sed 's/^# \{0,1\}//'; }
die() { printf 'kernel-access: %s\n' "$*" >&2; exit 1; }

action=${1:-}
[[ $action =~ ^(grant|revoke|status|explain)$ ]] || { usage >&2; exit 2; }
shift
user=${SUDO_USER:-$(id -un)}
yes=no
while (($#)); do
  case $1 in
    --user) user=${2:?--user needs a name}; shift 2 ;;
    --user=*) user=${1#--user=}; shift ;;
    --yes | -y) yes=yes; shift ;;
    *) usage >&2; exit 2 ;;
  esac
done
id "$user" >/dev/null 2>&1 || die "no user named \"$user\""
[[ $user != root ]] || die "root needs no rule: a root Jupyter runs a root kernel already"
helper=$(nsbook_root_helper "$user")
# sudo reads sudoers.d in lexical order and the last rule that matches wins: "zz-" keeps a drop-in that gives
# the user sudo with a password (cloud images, WSL set-ups) from overriding NOPASSWD. It skips names with a dot.
rule=/etc/sudoers.d/zz-nsbook-${user//./_}

explain() {
  cat <<TEXT
This lets "$user" run the nsbook course as root without typing a password:
  - the Jupyter kernel of the course (started through sudo by your own, unprivileged Jupyter), and
  - the nsbook command (nsbook run, exec, stop, ...), as docker or podman users expect.
It installs:
  $helper   (owned by root; runs $checkout as root)
  $rule   ($user ALL=(root) NOPASSWD: $helper)
Be aware: a Jupyter kernel runs whatever code is typed into it, so this gives "$user" root on this machine
without a password. Grant it on your own machine or a lab VM, not on a machine you share with people you
do not trust. Take it back any time: $checkout/scripts/kernel-access.sh revoke
TEXT
}

need_root() {
  [[ $EUID -eq 0 ]] || die "$action needs root: sudo $checkout/scripts/kernel-access.sh $action --user $user"
}

case $action in
  explain) explain ;;
  status)
    if [[ -f $helper && -f $rule ]]; then
      target=$(sed -n "s/^checkout='\(.*\)'$/\1/p" "$helper")
      echo "granted: $rule and $helper (for the checkout $target)"
      [[ $target == "$checkout" ]] || echo "note: that is another checkout than this one ($checkout): run grant here to switch"
      if [[ $(id -un) == "$user" ]]; then
        if sudo -n "$helper" check 2>/dev/null; then echo "sudo accepts it: the course kernel will run as root"; else
          echo "sudo does NOT accept it (sudo -n $helper check failed)"; exit 1; fi
      fi
    else
      echo "not granted for $user: the course kernel runs as $user (rootless). Grant: sudo $checkout/scripts/kernel-access.sh grant --user $user"
      exit 1
    fi
    ;;
  revoke)
    need_root
    rm -f "$rule" "$helper"
    rmdir "$NSBOOK_ROOT_HELPER_DIR" 2>/dev/null || true
    echo "revoked: removed $rule and $helper; the course kernel of $user now runs rootless"
    ;;
  grant)
    need_root
    command -v visudo >/dev/null || die "sudo is not installed (apt-get install sudo)"
    explain
    if [[ $yes != yes ]]; then
      [[ -t 0 ]] || die "not granted: no terminal to ask on; run it again with --yes once you agree"
      read -r -p "Grant this? [y/N] " answer
      [[ $answer == [yY]* ]] || { echo "not granted"; exit 1; }
    fi
    node=$(command -v node) || die "node is not on PATH"
    mkdir -p "$NSBOOK_ROOT_HELPER_DIR"
    tmp_helper=$(mktemp "$NSBOOK_ROOT_HELPER_DIR/.root-for.XXXXXX")
    tmp_rule=$(mktemp /etc/sudoers.d/.nsbook.XXXXXX)
    trap 'rm -f "$tmp_helper" "$tmp_rule"' EXIT
    cat >"$tmp_helper" <<HELPER
#!/bin/bash
# nsbook's root helper for $user, written by $checkout/scripts/kernel-access.sh on $(date -u +%Y-%m-%d).
# $user may run it as root without a password ($rule). It starts the nsbook course as root:
#   $helper kernel CONNECTION_FILE   the Jupyter kernel (bin/nsbook-kernel runs this through sudo -n)
#   $helper cli ARGS...              the nsbook command
#   $helper check                    exits 0: the rule works
# WARNING: a Jupyter kernel runs whatever code is typed into it: this is root for $user, without a password.
set -euo pipefail
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
export NSBOOK_NODE='$node' NSBOOK_ROOT_VIA=course-rule
checkout='$checkout'
case \${1:-} in
  check) exit 0 ;;
  kernel) shift; exec "\$checkout/scripts/kernel/run-kernel.sh" "\$@" ;;
  cli) shift; exec "\$NSBOOK_NODE" "\$checkout/dist/cli/main.js" -- "\$@" ;;
  *) echo "usage: \$0 check | kernel CONNECTION_FILE | cli ARGS..." >&2; exit 2 ;;
esac
HELPER
    printf '# nsbook: %s may run the nsbook course (Jupyter kernel, nsbook command) as root without a password.\n# Written by %s/scripts/kernel-access.sh; remove with its "revoke".\n%s ALL=(root) NOPASSWD: %s\n' \
      "$user" "$checkout" "$user" "$helper" >"$tmp_rule"
    chmod 0755 "$tmp_helper"
    chmod 0440 "$tmp_rule"
    visudo -cqf "$tmp_rule" || die "visudo refused the rule (nothing installed)"
    mv -f "$tmp_helper" "$helper"
    mv -f "$tmp_rule" "$rule"
    trap - EXIT
    echo "granted: $rule and $helper"
    ;;
esac
