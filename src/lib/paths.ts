// Where nsbook keeps things on the host. One place, so the CLI, every kernel and cleanup agree.
import { homedir } from "node:os";
import { join } from "node:path";

const isRoot = (): boolean => process.getuid?.() === 0;

/**
 * Data directory: root filesystems and the download cache.
 * `NSBOOK_HOME`, else /var/lib/nsbook as root, else $XDG_DATA_HOME/nsbook (~/.local/share/nsbook).
 */
export function dataDir(): string {
  if (process.env.NSBOOK_HOME) return process.env.NSBOOK_HOME;
  if (isRoot()) return "/var/lib/nsbook";
  return join(process.env.XDG_DATA_HOME || join(homedir(), ".local", "share"), "nsbook");
}

/** Root filesystems live in `<dataDir>/rootfs/<name>`. */
export function rootfsDir(name: string): string {
  return join(dataDir(), "rootfs", name);
}

/** The offline default root filesystem (built from the host's static busybox). */
export function defaultRootfsDir(): string {
  return rootfsDir("busybox");
}

/** Downloaded tarballs are cached in `<dataDir>/cache`. */
export function cacheDir(): string {
  return join(dataDir(), "cache");
}

/**
 * Runtime state of containers (one folder per container), so the CLI, another kernel or a later session
 * can find them: `NSBOOK_RUN_DIR`, else /run/nsbook as root, else $XDG_RUNTIME_DIR/nsbook
 * (or /tmp/nsbook-<uid>).
 */
export function runDir(): string {
  if (process.env.NSBOOK_RUN_DIR) return process.env.NSBOOK_RUN_DIR;
  if (isRoot()) return "/run/nsbook";
  if (process.env.XDG_RUNTIME_DIR) return join(process.env.XDG_RUNTIME_DIR, "nsbook");
  return `/tmp/nsbook-${process.getuid?.() ?? "user"}`;
}
