# shellcheck shell=bash
# The cgroup2-vm tool (qemu with Debian's kernel, ../shared/tools/cgroup2-vm) as the VM tests find it, and their
# loud skip when it is missing. Sourced by scripts/test-v2.sh and scripts/test-learner-host.sh.
TOOL=${NSBOOK_V2VM_TOOL:-../shared/tools/cgroup2-vm}
VM_DIR=${QV2_DIR:-/var/tmp/cgroup2-vm}

# Skips loudly (exit 0) - or fails when NSBOOK_REQUIRE_ALL=1 - with "$1" naming the tests and "$2" the reason.
skip_vm_tests() {
  echo "*** SKIPPING $1: $2 ***" >&2
  [[ ${NSBOOK_REQUIRE_ALL:-} == 1 ]] && { echo "NSBOOK_REQUIRE_ALL=1: failing instead" >&2; exit 1; }
  exit 0
}

# Skips the tests named "$1" unless the tool, qemu and the built VM are there.
require_vm() {
  [[ -x $TOOL/run-in-v2.sh ]] || skip_vm_tests "$1" "$TOOL/run-in-v2.sh is not there (it exists only on nsbook's development machines)"
  command -v qemu-system-x86_64 >/dev/null || skip_vm_tests "$1" "qemu-system-x86_64 is not installed (run $TOOL/setup.sh)"
  [[ -f $VM_DIR/ready ]] || skip_vm_tests "$1" "the VM is not built in $VM_DIR (run $TOOL/setup.sh once, ~1 min)"
}
