// The small static C program that escapes a chroot (tools/chroot-escape.c), compiled on the host on demand.
import { access, constants, mkdir, rename, stat } from "node:fs/promises";
import { join } from "node:path";
import { dataDir } from "../core/paths.js";
import { runHost } from "../host/index.js";

/** tools/chroot-escape.c in the nsbook checkout (the same depth from src/ and from dist/). */
export const CHROOT_ESCAPE_SOURCE = join(__dirname, "..", "..", "..", "tools", "chroot-escape.c");

/** Where the compiled program is kept: `<dataDir>/tools/chroot-escape`. */
export function chrootEscapeBinary(): string {
  return join(dataDir(), "tools", "chroot-escape");
}

/** The compiled escape program, or why there is none. */
export type EscapeTool =
  | { available: true; path: string; built: boolean }
  | { available: false; reason: string };

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function findGcc(): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? "/usr/bin:/bin").split(":")) {
    if (dir && (await executable(join(dir, "gcc")))) return join(dir, "gcc");
  }
  return undefined;
}

/**
 * Compiles tools/chroot-escape.c statically (a container's root has no C library) into
 * {@link chrootEscapeBinary}, unless a build newer than the source is already there. Idempotent; the set-up runs
 * it once. Without gcc (or without a static libc: Debian's libc6-dev has it) it resolves with the reason,
 * so a demonstration can skip with a clear message instead of failing.
 */
export async function ensureChrootEscapeTool(): Promise<EscapeTool> {
  const out = chrootEscapeBinary();
  let source: Awaited<ReturnType<typeof stat>>;
  try {
    source = await stat(CHROOT_ESCAPE_SOURCE);
  } catch {
    return { available: false, reason: `the source ${CHROOT_ESCAPE_SOURCE} is missing from this checkout` };
  }
  try {
    const built = await stat(out);
    if (built.mtimeMs >= source.mtimeMs && (await executable(out)))
      return { available: true, path: out, built: false };
  } catch {
    // not built yet
  }
  const gcc = await findGcc();
  if (!gcc) {
    return {
      available: false,
      reason:
        "gcc is not installed: `sudo apt-get install build-essential` (the set-up script does), then run again",
    };
  }
  await mkdir(join(dataDir(), "tools"), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await runHost([gcc, "-static", "-O2", "-Wall", "-o", tmp, CHROOT_ESCAPE_SOURCE], {
      what: "compile tools/chroot-escape.c (static)",
    });
  } catch (e) {
    return {
      available: false,
      reason: `gcc could not build a static program (${(e as Error).message.split("\n")[0]}): install libc6-dev`,
    };
  }
  await rename(tmp, out);
  return { available: true, path: out, built: true };
}
