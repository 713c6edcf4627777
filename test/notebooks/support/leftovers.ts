// What of nsbook's is on the machine right now: cgroups, interfaces, network namespaces, mounts, state.
// The notebook tests compare before and after each notebook: a notebook must leave nothing behind.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { nsbookCgroupDirs, nsbookMountPoints } from "../../support/nsbook-traces.js";

/** Everything named like nsbook's resources, one line each, sorted. */
export function nsbookLeftovers(): string[] {
  const out: string[] = [];
  for (const dir of nsbookCgroupDirs()) out.push(`cgroup ${dir}`);
  try {
    for (const line of readFileSync("/proc/net/dev", "utf8").split("\n").slice(2)) {
      const name = line.split(":")[0]?.trim();
      if (name?.startsWith("nsb")) out.push(`interface ${name}`);
    }
  } catch {
    // no /proc/net/dev: nothing to report
  }
  if (existsSync("/run/netns")) {
    for (const n of readdirSync("/run/netns")) if (n.includes("nsb")) out.push(`netns /run/netns/${n}`);
  }
  for (const mountPoint of nsbookMountPoints()) out.push(`mount ${mountPoint}`);
  // Container state under the run directory, two levels deep (its layout belongs to the engine).
  const runDir = "/run/nsbook";
  if (existsSync(runDir)) {
    for (const e of readdirSync(runDir, { withFileTypes: true })) {
      out.push(`state ${join(runDir, e.name)}`);
      if (!e.isDirectory()) continue;
      let names: string[];
      try {
        names = readdirSync(join(runDir, e.name));
      } catch {
        // A learner running the tests cannot list root's 0700 folders (another run's containers): the
        // folder's own line above still shows whether it is new.
        continue;
      }
      for (const n of names) {
        out.push(`state ${join(runDir, e.name, n)}`);
        // A kernel's scope folder (@learner/session): the containers it still holds, one level further.
        if (e.name.startsWith("@")) {
          try {
            for (const c of readdirSync(join(runDir, e.name, n)))
              out.push(`state ${join(runDir, e.name, n, c)}`);
          } catch {
            // gone meanwhile, or not a folder: its own line is enough
          }
        }
      }
    }
  }
  return out.sort();
}

/** A kernel's scope folder or something in it (`state /run/nsbook/@learner/...`). */
function inScopeFolder(line: string): boolean {
  return line.startsWith("state /run/nsbook/@");
}

/**
 * What a notebook left behind, compared with `before`. A kernel's scope folder is removed by its reaper
 * (scripts/kernel/reaper.sh) after the kernel has ended, which can be a moment after Jupyter returned: the
 * containers still in it are listed now (the notebook should have removed them itself), then the scan waits
 * up to `waitMs` for the reaper to remove the folder before it lists everything else.
 */
export async function leftoversAfterKernel(before: readonly string[], waitMs = 15_000): Promise<string[]> {
  const stillInScope = newLeftovers(before, nsbookLeftovers()).filter(
    (l) => inScopeFolder(l) && l.split("/").length > 5,
  );
  const deadline = Date.now() + waitMs;
  let now = newLeftovers(before, nsbookLeftovers());
  while (now.some(inScopeFolder) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    now = newLeftovers(before, nsbookLeftovers());
  }
  return [...stillInScope.map((l) => `${l} (a container the notebook did not remove)`), ...now];
}

/** Lines in `after` that were not in `before`. */
export function newLeftovers(before: readonly string[], after: readonly string[]): string[] {
  const seen = new Set(before);
  return after.filter((l) => !seen.has(l));
}
