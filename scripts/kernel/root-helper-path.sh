# shellcheck shell=bash
# Where the course's root helper for a user lives: one root-owned program per user, written by
# scripts/kernel-access.sh grant, named in that user's sudoers rule. Sourced.
NSBOOK_ROOT_HELPER_DIR=/usr/local/libexec/nsbook
nsbook_root_helper() { printf '%s/root-for-%s\n' "$NSBOOK_ROOT_HELPER_DIR" "$1"; }
