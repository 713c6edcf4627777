// Putting a container's first process into its cgroups before it executes anything.
//
// Moving a process after spawning it leaves a window in which it runs unlimited (and its children may be
// forked outside). Instead the host-side command is started through a tiny shell that writes its own PID
// ($$) into every cgroup.procs file and then exec()s the real command: exec keeps the PID, so the command
// starts inside the cgroups and everything it forks stays there. The script is a constant; the files and
// the command reach it only as positional arguments, never as shell text, so nothing can be injected.
import { isAbsolute } from "node:path";

/** The constant script: "$@" is FILE... -- ARGV... */
export const ENTER_CGROUPS_SCRIPT =
  'while [ "$#" -gt 0 ] && [ "$1" != -- ]; do ' +
  'printf "%s\\n" "$$" > "$1" || { printf "nsbook-enter: cannot join cgroup %s\\n" "$1" >&2; exit 125; }; ' +
  "shift; done; " +
  'if [ "$1" != -- ]; then echo "nsbook-enter: missing --" >&2; exit 125; fi; ' +
  'shift; exec "$@"';

/** $0 of the wrapper shell, as `ps` shows it. */
export const ENTER_CGROUPS_ARGV0 = "nsbook-enter";

/** Exit code of the wrapper when it cannot join a cgroup (the command never ran). */
export const ENTER_CGROUPS_FAILED = 125;

/**
 * Returns an argv that runs `argv` inside the cgroups whose cgroup.procs files are `procsFiles`:
 * `['/bin/sh', '-c', ENTER_CGROUPS_SCRIPT, 'nsbook-enter', ...procsFiles, '--', ...argv]`.
 * With no files it returns `argv` unchanged.
 */
export function wrapArgvToEnterCgroups(procsFiles: readonly string[], argv: readonly string[]): string[] {
  if (argv.length === 0 || !argv[0]) throw new TypeError("wrapArgvToEnterCgroups: argv must name a program");
  for (const f of procsFiles) {
    if (!isAbsolute(f) || !f.endsWith("/cgroup.procs") || f.includes("\0")) {
      throw new TypeError(
        `wrapArgvToEnterCgroups: not an absolute path to a cgroup.procs file: ${JSON.stringify(f)}`,
      );
    }
  }
  if (procsFiles.length === 0) return [...argv];
  return ["/bin/sh", "-c", ENTER_CGROUPS_SCRIPT, ENTER_CGROUPS_ARGV0, ...procsFiles, "--", ...argv];
}
