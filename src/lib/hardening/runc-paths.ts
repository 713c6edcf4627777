// The /proc and /sys paths runc hides or makes read-only in every container Docker starts.

/**
 * Paths Docker asks runc to mask: files get /dev/null bind-mounted over them (they read empty), folders an
 * empty read-only tmpfs. They expose the host's kernel memory (/proc/kcore), keyrings, timers and scheduler
 * internals, firmware tables, power readings (a side channel: Platypus, CVE-2020-8694) or interrupt counts,
 * none of which a container needs. Docker's list as of Docker 28 (moby's oci/defaults.go); Docker also masks
 * each CPU's /sys/devices/system/cpu/cpuN/thermal_throttle, a per-machine list left out here.
 */
export const RUNC_MASKED_PATHS: readonly string[] = [
  "/proc/asound",
  "/proc/acpi",
  "/proc/kcore",
  "/proc/keys",
  "/proc/latency_stats",
  "/proc/timer_list",
  "/proc/timer_stats",
  "/proc/sched_debug",
  "/proc/scsi",
  "/sys/firmware",
  "/sys/devices/virtual/powercap",
  "/proc/interrupts",
];

/**
 * Paths Docker asks runc to make read-only (a bind mount of the path onto itself, remounted read-only): the
 * kernel's tunables in /proc/sys (most of them are global, not per namespace), the magic SysRq trigger, and
 * bus, filesystem and interrupt settings. A write there then fails with EROFS, even as root.
 */
export const RUNC_READONLY_PATHS: readonly string[] = [
  "/proc/bus",
  "/proc/fs",
  "/proc/irq",
  "/proc/sys",
  "/proc/sysrq-trigger",
];
