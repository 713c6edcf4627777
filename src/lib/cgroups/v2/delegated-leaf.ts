// Making the caller's delegated, non-root cgroup v2 usable for containers: its processes move into a leaf first.
//
// cgroup v2 gives a controller to a cgroup's children only when the cgroup lists it in its
// cgroup.subtree_control, and the kernel refuses that write (EBUSY) while the cgroup itself holds processes:
// the "no internal processes" rule, from which only the root cgroup is exempt. It keeps a cgroup's own
// processes from competing, unlimited, with children that are limited. A systemd session scope, or a scope
// started with `systemd-run --scope -p Delegate=yes`, holds the very processes that run nsbook (the shell, the
// notebook kernel, this process), so nothing can be enabled below it as it is. The usual way out - what moby's
// dind entrypoint does with a container's root cgroup - is to create a leaf child, move every process of the
// cgroup into it, and only then enable the controllers: the cgroup becomes an inner node without processes, and
// the leaf and the containers' cgroups are its children.
//
// Why this is ours to do: delegating a cgroup means giving write access to its directory, its cgroup.procs and
// its cgroup.subtree_control (cgroup-v2.rst, "Model of Delegation"), and systemd's delegation documentation
// says the subtree of a delegated unit belongs to the delegatee, which organizes its processes there as it
// sees fit. The kernel lets a process move only between cgroups whose common ancestor's cgroup.procs the writer
// may write - here the caller's own cgroup - so the move never reaches outside what was handed over. nsbook does
// it only in the caller's own cgroup, never in the root cgroup (exempt from the rule: not needed) and only when
// detection found that cgroup writable; otherwise it explains the refusal. The leaf stays as long as the
// processes moved into it live (the caller included); cleanup removes only the containers' nsbook-<name> cgroups.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { NsbookError } from "../../errors/index.js";
import { makeCgroupDir } from "../fs/cgroup-dir.js";
import { readCgroupFile, writeCgroupFile } from "../fs/cgroup-file.js";
import { CgroupFileError } from "../fs/cgroup-file-error.js";
import { cgroupPids } from "../fs/kill-procs.js";
import { LEAF_CGROUP_NAME } from "../manager/cgroup-name.js";

/** Options for {@link enterDelegatedLeaf}. */
export interface EnterDelegatedLeafOptions {
  /** Controllers to enable for the cgroup's children, e.g. ["memory", "cpu", "pids"]; core ones (cpuacct) are skipped. @default [] */
  controllers?: readonly string[];
  /** Give up when processes keep appearing in the cgroup for this long, in milliseconds. @default 2000 */
  timeoutMs?: number;
}

/** What {@link enterDelegatedLeaf} did. */
export interface DelegatedLeafOutcome {
  /** The leaf: `<cgroup>/nsbook-leaf`. */
  leafDir: string;
  /** PIDs moved into the leaf this time (none when an earlier call moved them). */
  moved: number[];
  /** Controllers this call added to the cgroup's cgroup.subtree_control. */
  enabled: string[];
}

const words = (text: string | undefined): string[] => (text ?? "").split(/\s+/).filter(Boolean);

/** Moves every process of `dir` into `leafDir`; a process that exits meanwhile is fine. */
async function moveProcesses(dir: string, leafDir: string): Promise<number[]> {
  const moved: number[] = [];
  for (const pid of cgroupPids(dir)) {
    try {
      await writeCgroupFile(leafDir, "cgroup.procs", String(pid));
      moved.push(pid);
    } catch (e) {
      if (!(e instanceof CgroupFileError) || e.errno !== "ESRCH") throw e;
    }
  }
  return moved;
}

/**
 * Moves the processes of the delegated, non-root v2 cgroup `dir` (the caller's own) into `dir/nsbook-leaf` and
 * enables `controllers` in `dir/cgroup.subtree_control`, so that cgroups created in `dir` get them. Idempotent:
 * once done, it only checks. Processes forked into `dir` meanwhile are moved too (the loop runs until the
 * subtree_control write succeeds). Throws a user-facing error in the root cgroup, where it is never needed.
 */
export async function enterDelegatedLeaf(
  dir: string,
  options: EnterDelegatedLeafOptions = {},
): Promise<DelegatedLeafOutcome> {
  // Only the root cgroup lacks cgroup.events: that is how it is told apart, even through a cgroup namespace.
  if (!existsSync(join(dir, "cgroup.events"))) {
    throw new NsbookError(
      "cgroup-root",
      `${dir} is the root cgroup: the no-internal-processes rule does not apply there, so nsbook never moves processes out of it`,
    );
  }
  const leafDir = join(dir, LEAF_CGROUP_NAME);
  await makeCgroupDir(leafDir);
  const available = words(readCgroupFile(dir, "cgroup.controllers"));
  const wanted = (options.controllers ?? []).filter((c) => available.includes(c));
  const deadline = Date.now() + (options.timeoutMs ?? 2000);
  const moved: number[] = [];
  for (;;) {
    moved.push(...(await moveProcesses(dir, leafDir)));
    const missing = wanted.filter((c) => !words(readCgroupFile(dir, "cgroup.subtree_control")).includes(c));
    if (missing.length === 0) return { leafDir, moved, enabled: [] };
    try {
      await writeCgroupFile(dir, "cgroup.subtree_control", missing.map((c) => `+${c}`).join(" "));
      return { leafDir, moved, enabled: missing };
    } catch (e) {
      // EBUSY: a process was forked into `dir` after the move (by one not yet moved); move it and try again.
      if (!(e instanceof CgroupFileError) || e.errno !== "EBUSY" || Date.now() >= deadline) throw e;
    }
    await sleep(5);
  }
}
