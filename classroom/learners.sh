#!/usr/bin/env bash
# Learner accounts of the classroom (as root):
#   classroom/learners.sh add NAME...      a system user (created when missing, home in /home/NAME) in the group
#                                          nsbook-learners, with the course's sudo rule (scripts/kernel-access.sh)
#   classroom/learners.sh remove NAME...   stops their containers, takes the rule back, leaves the group
#                                          (--delete-user also deletes the account and its home)
#   classroom/learners.sh list             the learners, and whether sudo accepts their rule
# Passwords are the system's own (passwd NAME): the hub logs learners in through PAM.
set -euo pipefail
checkout=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
GROUP=nsbook-learners
die() { printf 'classroom/learners.sh: %s\n' "$*" >&2; exit 1; }
[[ $EUID -eq 0 ]] || die "run it as root"
action=${1:-}; shift || true
delete_user=no
names=()
for a in "$@"; do
  case $a in
    --delete-user) delete_user=yes ;;
    -*) die "unknown option $a" ;;
    *) [[ $a =~ ^[a-z_][a-z0-9_-]{0,31}$ ]] || die "\"$a\" is not a user name for a learner (a-z, 0-9, _ and -, starting with a letter)"; names+=("$a") ;;
  esac
done
getent group "$GROUP" >/dev/null || groupadd --system "$GROUP"
case $action in
  add)
    ((${#names[@]})) || die "add: which learners? give their user names"
    for n in "${names[@]}"; do
      id "$n" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$n"
      usermod -aG "$GROUP" "$n"
      "$checkout/scripts/kernel-access.sh" grant --user "$n" --yes >/dev/null
      echo "learner $n: in $GROUP, course sudo rule installed"
    done
    ;;
  remove)
    ((${#names[@]})) || die "remove: which learners? give their user names"
    for n in "${names[@]}"; do
      id "$n" >/dev/null 2>&1 || { echo "learner $n: no such user (nothing to do)"; continue; }
      # Their containers, every session of theirs: nsbook as root acting for them (SUDO_USER selects the scope).
      SUDO_USER=$n node "$checkout/dist/cli/main.js" stop --all --time 0 >/dev/null || true
      "$checkout/scripts/kernel-access.sh" revoke --user "$n" >/dev/null || true
      gpasswd -d "$n" "$GROUP" >/dev/null 2>&1 || true
      if [[ $delete_user == yes ]]; then
        # userdel refuses while the user has processes: stop the hub's server of theirs first.
        userdel --remove "$n" 2>/dev/null || userdel "$n" || die "could not delete user $n (processes still running? see ps -u $n)"
        echo "learner $n: removed, account and home deleted"
      else
        echo "learner $n: removed from the class (account kept)"
      fi
    done
    ;;
  list)
    for n in $(getent group "$GROUP" | cut -d: -f4 | tr , ' '); do
      printf '%s\t%s\n' "$n" "$("$checkout/scripts/kernel-access.sh" status --user "$n" 2>&1 | head -1)"
    done
    ;;
  *) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
