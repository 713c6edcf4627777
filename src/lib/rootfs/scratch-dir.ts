// A scratch directory for mount experiments (notebook 03), and its removal: every mount at or below it is
// unmounted (deepest first), then the directory is deleted. Used before and after a demonstration, so an
// interrupted run leaves nothing mounted for long. Only /tmp/nsbook-<name> qualifies.
import { rm } from "node:fs/promises";
import { NsbookError } from "../errors/index.js";
import { runHost } from "../host/index.js";
import { mountsUnder } from "./mounts-under.js";

/** Only directories named like this may be scratch directories: nothing else is ever unmounted or deleted. */
const SCRATCH_RE = /^\/tmp\/nsbook-[A-Za-z0-9_.-]+$/;

/** Throws a user-facing error unless `dir` is a scratch directory path (/tmp/nsbook-<name>). */
export function validateScratchDir(dir: string): string {
  if (typeof dir !== "string" || !SCRATCH_RE.test(dir)) {
    throw new NsbookError(
      "scratch",
      `scratch directory must be /tmp/nsbook-<name> (letters, digits, _ . -), got ${JSON.stringify(dir)}`,
      { userMistake: true },
    );
  }
  return dir;
}

/**
 * Unmounts everything at or below the scratch directory `dir` and deletes it. Idempotent; resolves with the
 * mount points it unmounted (stacked mounts appear once per layer). Throws when a mount will not go.
 */
export async function removeScratchDir(dir: string): Promise<string[]> {
  validateScratchDir(dir);
  const unmounted: string[] = [];
  // Each round unmounts the top layer of the deepest mount point; 100 rounds is far more than any demo makes.
  for (let round = 0; round < 100; round++) {
    const [deepest] = await mountsUnder(dir);
    if (deepest === undefined) {
      await rm(dir, { recursive: true, force: true });
      return unmounted;
    }
    await runHost(["umount", deepest], { what: `unmount the scratch mount ${deepest}` });
    unmounted.push(deepest);
  }
  throw new Error(`${dir}: still mounted after 100 unmounts; look at: grep ${dir} /proc/self/mountinfo`);
}
