// Turns a failed command's stderr/exit code into the advice a learner needs (bubblewrap-style).
import { debianPackageFor } from "./debian-packages.js";

/** What is known about a failure when choosing a hint. */
export interface HintInput {
  argv: readonly string[];
  exitCode?: number;
  stderr: string;
  /** errno code of a spawn failure, e.g. "ENOENT". */
  code?: string;
}

interface HintRule {
  matches: (f: HintInput) => boolean;
  hint: (f: HintInput) => string;
}

const program = (f: HintInput): string => (f.argv[0] ?? "").split("/").pop() ?? "";
const has = (f: HintInput, re: RegExp): boolean => re.test(f.stderr);

const RULES: readonly HintRule[] = [
  {
    // Ubuntu 23.10+/24.04: AppArmor lets unshare(CLONE_NEWUSER) through but denies the map write.
    matches: (f) =>
      has(f, /uid_map|gid_map|setgroups/i) && has(f, /Operation not permitted|Permission denied/i),
    hint: () =>
      "writing the user namespace's uid/gid map was refused. On Ubuntu 23.10+ this is AppArmor's " +
      "kernel.apparmor_restrict_unprivileged_userns=1: run as root (sudo), or allow it for this session with " +
      "`sudo sysctl kernel.apparmor_restrict_unprivileged_userns=0`. `nsbook doctor` shows the setting.",
  },
  {
    matches: (f) => program(f) === "unshare" && has(f, /unshare failed: No space left on device/i),
    hint: () =>
      "the user namespace limit is reached or zero (user.max_user_namespaces). Raise it with " +
      "`sudo sysctl user.max_user_namespaces=15000`.",
  },
  {
    matches: (f) => program(f) === "unshare" && has(f, /unshare failed: Operation not permitted/i),
    hint: () =>
      "creating namespaces needs root, or an unprivileged user namespace (--user) where the distro allows it. " +
      "Run with sudo, or check `nsbook doctor` (Debian: kernel.unprivileged_userns_clone must be 1).",
  },
  {
    matches: (f) => f.exitCode === 127 || f.code === "ENOENT",
    hint: (f) => {
      const pkg = debianPackageFor(program(f));
      const install = pkg ? `install it with \`sudo apt-get install ${pkg}\`` : "install it";
      return `\`${program(f)}\` was not found on PATH (or the container has no such program): ${install}.`;
    },
  },
  {
    matches: (f) => f.code === "EACCES" || f.exitCode === 126,
    hint: (f) => `\`${program(f)}\` exists but cannot be executed: check its permissions (chmod +x).`,
  },
  {
    matches: (f) => has(f, /cgroup/i) && has(f, /Device or resource busy|EBUSY/i),
    hint: () =>
      "the cgroup is busy: on cgroup v2 a cgroup with processes cannot enable controllers for children " +
      "(no internal processes rule), and a cgroup with processes or children cannot be removed; " +
      "on v1 a memory limit below current usage is refused.",
  },
  {
    matches: (f) => has(f, /cgroup/i) && has(f, /Invalid argument|EINVAL/i),
    hint: () =>
      "the kernel rejected the value written to a cgroup file: check units and ranges " +
      "(cpu period 1 ms..1 s, quota >= 1 ms, memory in bytes).",
  },
  {
    matches: (f) =>
      program(f) === "mount" && has(f, /permission denied|must be superuser|Operation not permitted/i),
    hint: () =>
      "mounting needs root in a mount namespace you own: run with sudo, or use a user namespace (--userns).",
  },
];

/** The hint for a failure, or undefined when none of the known patterns match. */
export function hintFor(f: HintInput): string | undefined {
  return RULES.find((r) => r.matches(f))?.hint(f);
}
