// The small shell programs nsbook runs around a container's command. They are constants: every piece of data
// (paths, hostname, the user's argv) reaches them only as positional parameters, never spliced into the text,
// so no name or argument can be read as shell syntax.

/**
 * argv[0] of the container's init, followed by the container's state directory. `nsbook stop --all` finds every
 * process of a container by this pair in /proc/PID/cmdline (unshare, sudo, the init itself), even when the
 * launcher was killed before it could record their PIDs.
 */
export const INIT_MARKER = "nsbook-init";

/** The line the init writes on stderr once hostname and working directory are set (detached start). */
export const READY_LINE = "nsbook-ready";

/** Exit code of a container whose set-up (hostname, cd, cgroup join, /dev, pivot_root) failed, as Docker uses 125. */
export const SETUP_FAILED_EXIT = 125;

/**
 * PID 1 of the container, run by the container's own /bin/sh (busybox ash in the default rootfs) as
 * `/bin/sh -c 'eval "$NSBOOK_INIT"' nsbook-init STATE HOSTNAME WORKDIR READY CMD...`, the script itself in the
 * environment variable NSBOOK_INIT (so `ps` inside shows a short line, and the variable is unset before the
 * command runs). $1 state directory (only a marker), $2 hostname or "", $3 working directory, $4 "ready" to
 * report readiness, then the command.
 *
 * Why it reaps: PID 1 of a PID namespace inherits every orphan of the namespace and must wait() for them or
 * they stay zombies. The command runs as a foreground child, not `exec`ed (the trailing `exit $?` stops ash
 * from exec'ing the last command in place), and while ash waits for a foreground job it calls
 * waitpid(-1, ...), which collects any child, orphans included; it ignores the ones that are not its jobs.
 * When the command ends, init exits with its status and the kernel kills whatever is left in the namespace.
 *
 * Signals: PID 1 of a namespace gets only the signals it has a handler for (SIGKILL from the host excepted);
 * this init installs none, so `stop` sends SIGTERM to the command itself and SIGKILL to the init.
 *
 * Hostname: written to /proc/sys/kernel/hostname by the shell itself (no fork, so the command is PID 2); where
 * that file is not writable (rootless: /proc/sys belongs to the host's root) the `hostname` applet does it.
 * Staged launches set the hostname in stage 1 instead and pass "" here.
 *
 * Readiness: the launcher gives the init a pipe as stderr. "nsbook-ready" on it means the set-up is done;
 * then stderr is joined to stdout (the container's log). Anything before it is the set-up's error message.
 */
export const INIT_SCRIPT = [
  "unset NSBOOK_INIT",
  // Without a fork when /proc is mounted and writable (root), so the command is still PID 2.
  'if [ -n "$2" ]; then { echo "$2" >/proc/sys/kernel/hostname; } 2>&- || hostname "$2" || exit 125; fi',
  'cd "$3" || exit 125',
  'if [ "$4" = ready ]; then echo nsbook-ready >&2; exec 2>&1; fi',
  "shift 4",
  '"$@"',
  "exit $?",
].join("\n");

/** The variable that carries {@link INIT_SCRIPT} to the init. */
export const INIT_SCRIPT_VAR = "NSBOOK_INIT";

/** The init's own -c text: it runs the script from the environment. */
export const INIT_EVAL = 'eval "$NSBOOK_INIT"';

/** The host devices bind-mounted into a container's /dev when its rootfs has no device nodes. */
export const CONTAINER_DEVICES: readonly string[] = ["null", "zero", "full", "random", "urandom", "tty"];

/**
 * Stage 1 of a container that needs more than unshare's --root: run by the host's /bin/sh in new user, mount
 * and uts namespaces (made before the pid namespace, so its forks do not count there and the container's
 * command is still PID 2), it prepares the root, sets the hostname, and execs stage 2 (the unshare that
 * creates the other namespaces) in the same process.
 * $1 rootfs, $2 "pivot_root" to bind-mount the rootfs onto itself (pivot_root needs a mount point),
 * $3 "dev" to mount a minimal /dev, $4 the hostname to set (stage 1 then made the uts namespace) or "";
 * then stage 2's argv.
 *
 * /dev: a small tmpfs with the host's null, zero, full, random, urandom and tty bind-mounted in, as runc and
 * podman do; binding (not mknod) also works in a user namespace. Without /dev/null, even `cmd &` fails in ash.
 */
export const PREPARE_ROOT_SCRIPT = [
  "r=$1 switch=$2 dev=$3 host=$4",
  "shift 4",
  'if [ -n "$host" ]; then hostname "$host" || exit 125; fi',
  'if [ "$switch" = pivot_root ]; then mount --bind "$r" "$r" || exit 125; fi',
  'if [ "$dev" = dev ]; then',
  '  mount -t tmpfs -o nosuid,noexec,mode=755,size=64k nsbook-dev "$r/dev" || exit 125',
  `  for d in ${CONTAINER_DEVICES.join(" ")}; do`,
  '    : > "$r/dev/$d" && mount --bind "/dev/$d" "$r/dev/$d" || exit 125',
  "  done",
  "fi",
  'exec "$@"',
].join("\n");

/** argv[0] of the stage-1 shell. */
export const PREPARE_ROOT_MARKER = "nsbook-prepare-root";

/**
 * Switches the root with pivot_root(2): run by the host's /bin/sh as the first process of the new pid namespace
 * (so the fresh /proc is this namespace's), then execs the container's /bin/sh with the remaining arguments.
 * $1 rootfs (already a mount point, see {@link PREPARE_ROOT_SCRIPT}), $2 "proc" to mount /proc.
 *
 * pivot_root needs private propagation (stage 1's --propagation private). `pivot_root . .` stacks the old root
 * on top of the new one; `umount -l .` then detaches it, so nothing of the host stays reachable (chroot alone
 * can be escaped by root). After the pivot, `umount` and `/bin/sh` are the container's own.
 */
export const PIVOT_ROOT_SCRIPT = [
  "r=$1 proc=$2",
  "shift 2",
  'if [ "$proc" = proc ]; then mount -t proc -o nosuid,nodev,noexec proc "$r/proc" || exit 125; fi',
  'cd "$r" && pivot_root . . && umount -l . && cd / || exit 125',
  'exec /bin/sh "$@"',
].join("\n");

/** argv[0] of the pivot_root shell. */
export const PIVOT_ROOT_MARKER = "nsbook-pivot-root";

/**
 * Writes its own PID into each cgroup.procs file given before "--", then execs the rest (unshare, nsenter).
 * Joining before exec means the container's first process, and everything it forks, is limited from the first
 * instruction on: nothing runs outside the cgroup, not even unshare.
 */
export const CGROUP_JOIN_SCRIPT = [
  'while [ "$1" != -- ]; do echo $$ > "$1" || exit 125; shift; done',
  "shift",
  'exec "$@"',
].join("\n");

/** argv[0] of the cgroup-join shell. */
export const CGROUP_JOIN_MARKER = "nsbook-cgroup-join";

/**
 * The pivot_root set-up of a hardened container (`capDrop`, `hardening`), in place of {@link PIVOT_ROOT_SCRIPT};
 * run the same way, as PID 1 of the new pid namespace by the host's /bin/sh.
 * $1 rootfs (a mount point), $2 "proc" to mount /proc, $3 setpriv's drop list ("-sys_admin,-mknod", "-all") or
 * "", $4 "nnp" for no_new_privs or "", then the paths to mask, "--", the paths to make read-only, "--", and the
 * arguments of the container's /bin/sh.
 *
 * Masks (as runc): a file gets /dev/null bind-mounted over it, a folder an empty read-only tmpfs; paths the
 * rootfs or the kernel lacks are skipped. Read-only: the path is bind-mounted onto itself, then that bind is
 * remounted read-only (a bind mount has its own read-only flag, so proc stays writable elsewhere).
 *
 * Dropping capabilities is the subtle part: the host's `setpriv` does it, and exists only before the pivot, while
 * the pivot itself (pivot_root, umount) needs CAP_SYS_ADMIN, which may be among those dropped. So the shell starts
 * a helper with every capability that waits on a FIFO, then execs setpriv, which drops the capabilities and
 * execs a shell that tells the helper to go. The helper pivots: pivot_root(2) moves the root of every process of
 * the mount namespace that was rooted at the old root, PID 1 included, then the helper detaches the old root and
 * reports its status back. PID 1, now without the capabilities, changes to the new / and execs the container's
 * /bin/sh. For root, what survives execve is the inheritable set plus the bounding set, so setpriv drops from
 * both (and from the ambient set); effective and permitted follow.
 */
export const HARDENED_PIVOT_SCRIPT = [
  "r=$1 proc=$2 caps=$3 nnp=$4",
  "shift 4",
  'if [ "$proc" = proc ]; then mount -t proc -o nosuid,nodev,noexec proc "$r/proc" || exit 125; fi',
  'while [ "$1" != -- ]; do',
  "  p=$r$1",
  '  if [ -d "$p" ]; then mount -t tmpfs -o ro,nosuid,nodev,noexec,mode=555 nsbook-masked "$p" || exit 125',
  '  elif [ -e "$p" ]; then mount --bind /dev/null "$p" || exit 125; fi',
  "  shift",
  "done",
  "shift",
  'while [ "$1" != -- ]; do',
  "  p=$r$1",
  '  if [ -e "$p" ]; then',
  '    mount --bind "$p" "$p" && mount -o remount,bind,ro,nosuid,nodev,noexec "$p" || exit 125',
  "  fi",
  "  shift",
  "done",
  "shift",
  'if [ -z "$caps$nnp" ]; then',
  '  cd "$r" && pivot_root . . && umount -l . && cd / || exit 125',
  '  exec /bin/sh "$@"',
  "fi",
  't=$(mktemp -d /tmp/nsbook-caps.XXXXXX) && mkfifo "$t/go" "$t/done" || exit 125',
  'exec 3<>"$t/go" 4<>"$t/done" && rm -r "$t" || exit 125',
  '{ read x <&3 && cd "$r" && pivot_root . . && umount -l .; echo $? >&4; } &',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a template
  'exec setpriv ${caps:+--bounding-set "$caps" --inh-caps "$caps" --ambient-caps "$caps"} ${nnp:+--no-new-privs} \\',
  `  -- /bin/sh -c 'echo go >&3; read s <&4; exec 3<&- 4<&-; [ "$s" = 0 ] && cd / || exit 125; exec /bin/sh "$@"' \\`,
  '  nsbook-drop-caps "$@"',
].join("\n");

/** argv[0] of the hardened pivot_root shell. */
export const HARDENED_PIVOT_MARKER = "nsbook-hardened-pivot";
