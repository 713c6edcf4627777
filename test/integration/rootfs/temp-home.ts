// A throw-away NSBOOK_HOME per test, so tests never touch the real /var/lib/nsbook.
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A temporary data directory; `dispose()` restores NSBOOK_HOME and deletes it. */
export interface TempHome {
  home: string;
  dispose(): Promise<void>;
}

/** Points NSBOOK_HOME at a new temporary folder. */
export async function useTempHome(): Promise<TempHome> {
  const previous = process.env.NSBOOK_HOME;
  const home = await mkdtemp(join(tmpdir(), "nsbook-test-home-"));
  process.env.NSBOOK_HOME = home;
  return {
    home,
    async dispose() {
      if (previous === undefined) delete process.env.NSBOOK_HOME;
      else process.env.NSBOOK_HOME = previous;
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Names in a folder ([] when it does not exist). */
export async function namesIn(dir: string): Promise<string[]> {
  return readdir(dir).then(
    (n) => n.sort(),
    () => [],
  );
}

/** The pid of a process that has already exited (for "left behind by a dead process" tests). */
export function deadPid(): number {
  const pid = spawnSync("true").pid;
  if (!pid) throw new Error("could not spawn `true`");
  return pid;
}
