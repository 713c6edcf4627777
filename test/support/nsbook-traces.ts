// Traces nsbook can leave on the machine, read straight from the kernel's files (never through the library
// whose cleanup the tests judge): cgroup directories and mount points named after nsbook. The notebook tests'
// before/after comparison and the soak's leftover search both look with these.
import { type Dirent, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Every cgroup directory whose name starts with "nsbook", up to `depth` levels below /sys/fs/cgroup. With
 * `nested`, also those inside an nsbook cgroup (a delegated leaf, a container's own children).
 */
export function nsbookCgroupDirs(options: { depth?: number; nested?: boolean } = {}): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth < 0) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // gone meanwhile, or not ours to read
    }
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      const path = join(dir, e.name);
      const named = e.name.startsWith("nsbook");
      if (named) out.push(path);
      if (!named || options.nested) walk(path, depth - 1);
    }
  };
  walk("/sys/fs/cgroup", options.depth ?? 8);
  return out;
}

/** Mount points of this process's mount namespace whose path names nsbook. */
export function nsbookMountPoints(): string[] {
  return readFileSync("/proc/self/mountinfo", "utf8")
    .split("\n")
    .map((line) => line.split(" ")[4] ?? "")
    .filter((mountPoint) => mountPoint.includes("nsbook"));
}
